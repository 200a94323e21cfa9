package org.rapport.customers;

import java.util.List;
import java.util.UUID;

/** Two records that are likely the same party, with a score from 0 to 1 and why they look alike. */
record DuplicatePair(String type, Side first, Side second, double score, List<String> reasons) {

    /** One record of the pair, named as a person would recognize it. */
    record Side(UUID id, String name, String detail) {
    }

    public int percent() {
        return (int) Math.round(score * 100);
    }
}
