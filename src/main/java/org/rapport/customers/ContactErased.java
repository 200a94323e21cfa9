package org.rapport.customers;

import java.util.UUID;

/** A contact's personal data was erased on request; modules holding personal data about it should erase theirs. */
public record ContactErased(UUID contactId) {
}
