package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelevanceTest {

    @Test
    void swappedLettersCostOneEdit() {
        assertThat(Relevance.distance("jonh", "john")).isEqualTo(1);
        assertThat(Relevance.distance("smiht", "smith")).isEqualTo(1);
        assertThat(Relevance.distance("muller", "mueller")).isEqualTo(1);
        assertThat(Relevance.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void ranksTheNameWithSwappedLettersAboveLongerNamesSharingMoreTrigrams() {
        double john = Relevance.of("jonh smiht", "john smith", false, 0.36).orElseThrow();
        double smithson = Relevance.of("jonh smiht", "jon smithson", false, 0.5).orElseThrow();
        double schmidt = Relevance.of("jonh smiht", "jon schmidt", false, 0.33).orElseThrow();
        assertThat(john).isGreaterThan(smithson).isGreaterThan(schmidt);
    }

    @Test
    void ranksWordPrefixesThenSubstringsThenCloseSpellings() {
        double prefix = Relevance.of("mul", "jurgen muller", true, 0.8).orElseThrow();
        double substring = Relevance.of("ller", "jurgen muller", true, 0.4).orElseThrow();
        double close = Relevance.of("mueller", "jurgen muller", false, 0.5).orElseThrow();
        assertThat(prefix).isGreaterThan(substring).isGreaterThan(close);
        assertThat(Relevance.of("jurgen muller", "jurgen muller", true, 1).orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void dropsLooseTrigramMatches() {
        assertThat(Relevance.of("schmidt", "anna schneider", false, 0.375)).isEmpty();
    }
}
