package org.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void makesVersion7UuidsThatSortByTheMillisecondTheyWereMadeIn() throws InterruptedException {
        long before = System.currentTimeMillis();
        UUID first = TimeOrderedIds.next();
        Thread.sleep(2);
        UUID second = TimeOrderedIds.next();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis());
        // PostgreSQL compares uuids byte by byte, as unsigned numbers
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits())).isNegative();
        assertThat(UUID.fromString(first.toString())).isEqualTo(first);
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertThat(ids).hasSize(10_000);
    }
}
