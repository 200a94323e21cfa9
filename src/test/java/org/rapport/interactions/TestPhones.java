package org.rapport.interactions;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random Chicago numbers in E.164, so that calls in the shared test database match no other test's contacts or users:
 * customers on (312) 3XX-XXXX, reps on (773) 3XX-XXXX.
 */
final class TestPhones {

    private TestPhones() {
    }

    static String customer() {
        return random("+1312");
    }

    static String rep() {
        return random("+1773");
    }

    private static String random(String prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return prefix + (300 + r.nextInt(100)) + String.format("%04d", r.nextInt(10_000));
    }
}
