package org.rapport.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.rapport.shared.InvalidFieldException;

/** A merge request checked for shape before anything is read or written; errors name the field at fault. */
record MergePlan(UUID survivorId, List<UUID> mergedIds, Map<String, UUID> winners) {

    static final int MAX_MERGED = 10;

    static MergePlan of(MergeRequest request, List<MergeField> choosable) {
        if (request == null || request.survivorId() == null) {
            throw new InvalidFieldException("survivorId", "Choose the record that survives");
        }
        List<UUID> merged = request.mergedIds();
        if (merged == null || merged.isEmpty()) {
            throw new InvalidFieldException("mergedIds", "List at least one record to merge into the survivor");
        }
        if (merged.size() > MAX_MERGED) {
            throw new InvalidFieldException("mergedIds", "Merge at most " + MAX_MERGED + " records at once");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(request.survivorId());
        for (int i = 0; i < merged.size(); i++) {
            if (merged.get(i) == null) {
                throw new InvalidFieldException("mergedIds[" + i + "]", "must be a record id");
            }
            if (!ids.add(merged.get(i))) {
                throw new InvalidFieldException("mergedIds[" + i + "]", "is the survivor or listed twice");
            }
        }
        Set<String> names = choosable.stream().map(MergeField::name).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, UUID> winners = new LinkedHashMap<>();
        if (request.fields() != null) {
            for (Map.Entry<String, UUID> field : new TreeMap<>(request.fields()).entrySet()) {
                if (!names.contains(field.getKey())) {
                    throw new InvalidFieldException("fields." + field.getKey(), "No such field to choose; choose among "
                            + String.join(", ", names));
                }
                if (field.getValue() == null || !ids.contains(field.getValue())) {
                    throw new InvalidFieldException("fields." + field.getKey(),
                            "Give the id of the survivor or of one of mergedIds");
                }
                winners.put(field.getKey(), field.getValue());
            }
        }
        return new MergePlan(request.survivorId(), List.copyOf(merged), winners);
    }

    /** The survivor first, then the merged records in the order given: the order in which blanks are filled. */
    List<UUID> all() {
        List<UUID> all = new ArrayList<>();
        all.add(survivorId);
        all.addAll(mergedIds);
        return all;
    }
}
