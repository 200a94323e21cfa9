package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;

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

import tools.jackson.databind.JsonNode;

/** An import is seen only by its user and admins; undo deletes what it created and restores what it updated. */
@IntegrationTest
class ImportVisibilityAndUndoTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired ImportTestSupport imports;
    @Autowired JdbcClient jdbc;

    CurrentUser rep;
    String token;
    String domain;

    @BeforeEach
    void signIn() {
        UUID department = testUsers.department("Undo");
        rep = testUsers.create(Role.SALES_REP, department);
        token = api.token(rep.email(), TestUsers.PASSWORD);
        domain = "u" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @Test
    void anImportIsSeenOnlyByItsUserAndByAdmins() {
        JsonNode job = imports.importAndWait(token, "mine.csv", "Name,Email\nAda Lovelace,ada@" + domain + "\n");
        String id = job.get("id").asString();
        CurrentUser colleague = testUsers.create(Role.MANAGER, rep.departmentId());
        String colleagueToken = api.token(colleague.email(), TestUsers.PASSWORD);

        assertThat(api.get(colleagueToken, "/api/v1/imports/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(colleagueToken, "/api/v1/imports/" + id + "/errors")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.post(colleagueToken, "/api/v1/imports/" + id + "/undo", "")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.read(api.get(colleagueToken, "/api/v1/imports")).toString()).doesNotContain(id);

        String admin = api.token("admin@test.rapport", "admin-test-password");
        assertThat(api.get(admin, "/api/v1/imports/" + id)).hasStatusOk();
        assertThat(api.read(api.get(admin, "/api/v1/imports")).toString()).contains(id);
        assertThat(api.read(api.get(token, "/api/v1/imports")).toString()).contains(id);
    }

    @Test
    void undoDeletesCreatedContactsAndRestoresUpdatedOnesUnlessChangedSince() {
        String existing = api.read(api.post(token, "/api/v1/contacts", """
                {"firstName": "Old", "lastName": "Timer", "title": "Clerk", "emails": [{"address": "old@%s"}],
                 "tags": ["kept"]}
                """.formatted(domain))).get("id").asString();
        String csv = """
                First Name,Last Name,Email,Title,Tags
                Old,Timer,old@%1$s,Director,imported
                New,One,one@%1$s,Engineer,imported
                New,Two,two@%1$s,Engineer,imported
                """.formatted(domain);
        JsonNode job = imports.importAndWait(token, "update.csv", csv, "policy", "update");
        assertThat(job.get("counts").get("created").asInt()).isEqualTo(2);
        assertThat(job.get("counts").get("updated").asInt()).isEqualTo(1);
        JsonNode updated = api.read(api.get(token, "/api/v1/contacts/" + existing));
        assertThat(updated.get("title").asString()).isEqualTo("Director");
        assertThat(updated.get("tags").toString()).contains("kept", "imported");

        String two = contactId("two@" + domain);
        JsonNode twoNow = api.read(api.get(token, "/api/v1/contacts/" + two));
        assertThat(api.patch(token, "/api/v1/contacts/" + two, "\"" + twoNow.get("version").asInt() + "\"",
                "{\"title\": \"Edited after the import\"}")).hasStatusOk();

        String id = job.get("id").asString();
        assertThat(api.post(token, "/api/v1/imports/" + id + "/undo", "")).hasStatus(HttpStatus.ACCEPTED);
        JsonNode undone = imports.waitFor(token, id, "UNDONE");

        assertThat(undone.get("undo").get("deleted").asInt()).isEqualTo(1);
        assertThat(undone.get("undo").get("restored").asInt()).isEqualTo(1);
        assertThat(undone.get("undo").get("kept").asInt()).isEqualTo(1);
        JsonNode restored = api.read(api.get(token, "/api/v1/contacts/" + existing));
        assertThat(restored.get("title").asString()).isEqualTo("Clerk");
        assertThat(restored.get("tags").toString()).contains("kept").doesNotContain("imported");
        assertThat(restored.get("emails").size()).isEqualTo(1);
        assertThat(countWithEmail("one@" + domain)).isZero();
        assertThat(countWithEmail("two@" + domain)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_events where record_type = 'contact' and action = 'DELETE' and actor_id = :me")
                .param("me", rep.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(api.post(token, "/api/v1/imports/" + id + "/undo", "")).hasStatus(HttpStatus.CONFLICT);
    }

    private String contactId(String email) {
        return jdbc.sql("select contact_id from contact_emails where address = :a").param("a", email)
                .query(UUID.class).single().toString();
    }

    private int countWithEmail(String email) {
        return jdbc.sql("select count(*) from contact_emails where address = :a").param("a", email)
                .query(Integer.class).single();
    }
}
