package org.rapport.shared;

import java.util.UUID;

/** Whoever is acting in the current request: the authenticated principal exposes its user id through this. */
public interface Actor {

    UUID userId();
}
