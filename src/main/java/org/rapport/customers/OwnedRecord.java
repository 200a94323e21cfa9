package org.rapport.customers;

import java.util.List;
import java.util.UUID;

/** What accounts and contacts have alike for bulk actions: an owner and tags. */
interface OwnedRecord {

    UUID ownerId();

    List<String> tags();
}
