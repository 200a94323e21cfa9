package org.rapport.customers;

import java.util.List;
import java.util.UUID;

/** Contacts were merged: the merged ids are gone, and whatever pointed at them should now point at the survivor. */
public record ContactsMerged(UUID survivorId, List<UUID> mergedIds) {
}
