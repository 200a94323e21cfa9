package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The search dictionary: kept as records are written, corrects one typo, forgets erased and deleted names. */
@IntegrationTest
class SearchWordsTest {

    @Autowired SearchWords words;
    @Autowired CustomerSearch search;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;

    CurrentUser rep;
    String token;
    String surname;

    @BeforeEach
    void aRepAndAnUnusedSurname() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Dictionary"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        Random random = new Random();
        surname = "Quill" + random.ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    @Test
    void spellingsAreTheKnownWordsOneTypoAway() {
        contact("Hieronymus", surname);
        String key = surname.toLowerCase();
        String swapped = key.substring(0, 2) + key.charAt(3) + key.charAt(2) + key.substring(4);
        String twoTypos = swapped.substring(0, swapped.length() - 1);

        assertThat(words.spellings(List.of(swapped, key, twoTypos, "hieronymus")))
                .containsExactly(List.of(key), List.of(key), List.of(), List.of("hieronymus"));
        assertThat(search.search(rep, "Hieronymsu " + swapped, Set.of(), 10)).extracting(SearchHit::title)
                .containsExactly("Hieronymus " + surname);
        assertThat(search.search(rep, twoTypos, Set.of(), 10)).as("two typos: found by trigrams instead")
                .extracting(SearchHit::title).containsExactly("Hieronymus " + surname);
    }

    @Test
    void keepsTheWordsOfRenamedRecordsUntilTheyArePruned() {
        UUID id = contact("Hieronymus", surname);
        String renamed = surname + "son";
        assertThat(api.patch(token, "/api/v1/contacts/" + id, "\"0\"", "{\"lastName\": \"" + renamed + "\"}"))
                .hasStatusOk();
        assertThat(known(surname, renamed)).containsExactlyInAnyOrder(surname.toLowerCase(), renamed.toLowerCase());

        words.prune();

        assertThat(known(surname, renamed, "hieronymus")).containsExactlyInAnyOrder(renamed.toLowerCase(),
                "hieronymus");
    }

    @Test
    void pruneDropsTheWordsOfDeletedRecords() {
        UUID id = contact("Hieronymus", surname);
        assertThat(api.delete(token, "/api/v1/contacts/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(known(surname)).containsExactly(surname.toLowerCase());

        words.prune();

        assertThat(known(surname)).isEmpty();
    }

    @Test
    void erasureTakesTheNameOutOfTheDictionaryAtOnce() {
        UUID erased = contact("Hieronymus", surname);
        contact("Hieronymus", "Bosch");
        assertThat(api.post(token, "/api/v1/contacts/" + erased + "/erase", "")).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(known(surname, "hieronymus")).as("a word another contact still has stays")
                .containsExactly("hieronymus");
    }

    private List<String> known(String... candidates) {
        return jdbc.sql("select word from search_words where word = any(:words)")
                .param("words", Set.of(candidates).stream().map(String::toLowerCase).toArray(String[]::new))
                .query(String.class).list();
    }

    private UUID contact(String first, String last) {
        var created = api.post(token, "/api/v1/contacts",
                "{\"firstName\": \"%s\", \"lastName\": \"%s\"}".formatted(first, last));
        assertThat(created.getResponse().getStatus()).as(ApiClient.text(created)).isEqualTo(201);
        return UUID.fromString(api.read(created).get("id").asString());
    }
}
