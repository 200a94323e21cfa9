package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void readsPhoneNumbersInAnyFormatAsDigits() {
        assertThat(SearchTerms.of("(415) 555-2671", "(415) 555-2671").digits()).isEqualTo("%4155552671%");
        assertThat(SearchTerms.of("0049 30 1234567", "0049 30 1234567").digits()).isEqualTo("%49301234567%");
        assertThat(SearchTerms.of("+1.415.555.2671", "+1.415.555.2671").digits()).isEqualTo("%14155552671%");
        assertThat(SearchTerms.of("acme 2024", "acme 2024").digits()).isNull();
        assertThat(SearchTerms.of("12-34", "12-34").digits()).isNull();
    }

    @Test
    void escapesLikeWildcardsAndSkipsSubstringsTheIndexCannotServe() {
        assertThat(SearchTerms.of("100%_off", "100%_off").contains()).isEqualTo("%100\\%\\_off%");
        assertThat(SearchTerms.of("jo", "jo").contains()).isNull();
        assertThat(SearchTerms.of("jo", "jo").searchable()).isTrue();
        assertThat(SearchTerms.of("--", "--").searchable()).isFalse();
    }

    @Test
    void everyLongerWordMustBeCloseWhileShortWordsOnlyMatchStartsOfWords() {
        SearchTerms email = SearchTerms.of("John.Smith@ACME.example", "john.smith@acme.example");
        assertThat(email.words()).containsExactly("example", "smith", "john", "acme");
        assertThat(SearchTerms.threshold("John.Smith@ACME.example")).isEqualTo(SearchTerms.TYPO_TOLERANT);
        assertThat(SearchTerms.of("jo smiht", "jo smiht").words()).containsExactly("smiht");
        assertThat(SearchTerms.of("jo sm", "jo sm").words()).containsExactly("jo", "sm");
        assertThat(SearchTerms.threshold("jo sm")).isEqualTo(SearchTerms.WORD_START);
    }

    @Test
    void oneTypoAwayCoversAMissingExtraWrongOrSwappedLetterButNotTwo() {
        assertThat(SearchWords.oneTypoAway("jonh")).contains("jonh", "john", "jon", "jonhs", "jonn", "joanh")
                .doesNotContain("jhno", "johnson");
        assertThat(SearchWords.oneTypoAway("müler")).contains("müller", "muler");
    }

    @Test
    void wordsWithKnownSpellingsMatchThoseSpellingsAndOtherwiseCloseWords() {
        SearchTerms terms = SearchTerms.of("Jonh Smiht", "jonh smiht");
        assertThat(terms.words()).containsExactly("smiht", "jonh");

        SearchTerms.Conditions spelled = terms.withSpellings(List.of(List.of("smith"), List.of("john", "jon")))
                .conditions("t", true);
        assertThat(spelled.matches()).contains("t like :spelling0_0", "t like :spelling1_1").doesNotContain("<%");
        assertThat(spelled.params()).containsEntry("spelling1_0", "%john%").containsEntry("spelling1_1", "%jon%");

        SearchTerms.Conditions oneUnknown = terms.withSpellings(List.of(List.of("smith"), List.of()))
                .conditions("t", true);
        assertThat(oneUnknown.matches()).contains(":word0 <% t", ":word1 <% t").doesNotContain("spelling");
        assertThat(terms.conditions("t", false).matches()).doesNotContain("spelling", "<%");
    }
}
