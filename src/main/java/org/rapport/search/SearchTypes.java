package org.rapport.search;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code types} request parameter: record types separated by commas; blank means every type. */
final class SearchTypes {

    private SearchTypes() {
    }

    static Set<String> parse(String types) {
        if (types == null || types.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
