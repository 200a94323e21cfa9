package org.rapport.customers;

import java.util.UUID;

/** The editable fields of an account; {@code ownerId} null means "the caller". */
record AccountFields(String name, String domain, String industry, UUID ownerId) {
}
