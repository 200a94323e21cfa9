package org.rapport.identity;

import java.util.UUID;

/** A department (team) and its head, with how many users belong to it. */
public record DepartmentView(UUID id, String name, UUID headUserId, String headName, int members, int version) {
}
