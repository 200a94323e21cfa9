package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The import API: good rows in, bad rows reported by row and reason, duplicates handled by the policy. */
@IntegrationTest
class ContactImportApiTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired ImportTestSupport imports;
    @Autowired JdbcClient jdbc;

    CurrentUser rep;
    String token;
    String tag;

    @BeforeEach
    void signIn() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Imports"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void importsGoodRowsAndReportsBadRowsWithRowNumberColumnAndReason() {
        ImportTestSupport.Phone adaPhone = ImportTestSupport.phone();
        String csv = """
                First Name,Last Name,Email Address,Mobile Phone,Mailing City,Lifecycle Stage,Tags
                Ada,Lovelace,ADA@%1$s.example,%2$s,London,Customer,%1$s
                Alan,Turing,not-an-email,,Wilmslow,lead,%1$s
                ,,nameless@%1$s.example,,,,%1$s
                Grace,Hopper,grace@%1$s.example,12,Arlington,MQL,%1$s
                Edsger,Dijkstra,edsger@%1$s.example,,Nuenen,rockstar,%1$s
                Barbara,Liskov,barbara@%1$s.example,%3$s,Boston,SQL,%1$s;vip
                """.formatted(tag, adaPhone.typed(), ImportTestSupport.phone().typed());
        JsonNode job = imports.importAndWait(token, "people.csv", csv);

        assertThat(job.get("counts").get("total").asInt()).isEqualTo(6);
        assertThat(job.get("counts").get("created").asInt()).isEqualTo(2);
        assertThat(job.get("counts").get("failed").asInt()).isEqualTo(4);
        assertThat(errors(job)).containsExactly(
                "3|Email Address|'not-an-email' is not a valid email address",
                "4|Last Name|Enter a first or a last name",
                "5|Mobile Phone|'12' is not a valid phone number",
                "6|Lifecycle Stage|Unknown lifecycle stage 'rockstar'; use one of [SUBSCRIBER, LEAD, MARKETING_QUALIFIED, SALES_QUALIFIED, OPPORTUNITY, CUSTOMER, EVANGELIST, OTHER]");
        JsonNode ada = contactWithEmail("ada@" + tag + ".example");
        assertThat(ada.get("phones").get(0).get("number").asString()).isEqualTo(adaPhone.e164());
        assertThat(ada.get("phones").get(0).get("type").asString()).isEqualTo("MOBILE");
        assertThat(ada.get("lifecycleStage").asString()).isEqualTo("CUSTOMER");
        assertThat(ada.get("address").get("city").asString()).isEqualTo("London");
        assertThat(ada.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(contactWithEmail("barbara@" + tag + ".example").get("tags").toString()).contains("vip");
        assertThat(jdbc.sql("select count(*) from audit_events where record_type = 'contact' and action = 'CREATE' and actor_id = :actor")
                .param("actor", rep.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void importingTheSameFileAgainWithUpdateCreatesNoDuplicates() {
        StringBuilder csv = new StringBuilder("First Name,Last Name,Email,Phone,Title\n");
        int seed = ImportTestSupport.seed();
        for (int i = 0; i < 30; i++) {
            csv.append("P").append(i).append(",Person,p").append(i).append('@').append(tag).append(".example,")
                    .append(ImportTestSupport.phone(seed, i).typed()).append(",Engineer\n");
        }
        JsonNode first = imports.importAndWait(token, "people.csv", csv.toString());
        assertThat(first.get("counts").get("created").asInt()).isEqualTo(30);

        JsonNode again = imports.importAndWait(token, "people.csv", csv.toString().replace("Engineer", "Manager"),
                "policy", "update");
        assertThat(again.get("counts").get("created").asInt()).isZero();
        assertThat(again.get("counts").get("updated").asInt()).isEqualTo(30);
        assertThat(contactsTagged()).isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from contacts c join contact_emails e on e.contact_id = c.id where e.address like :like and c.title = 'Manager'")
                .param("like", "%@" + tag + ".example").query(Integer.class).single()).isEqualTo(30);

        JsonNode skipped = imports.importAndWait(token, "people.csv", csv.toString(), "policy", "skip");
        assertThat(skipped.get("counts").get("skipped").asInt()).isEqualTo(30);
        assertThat(contactsTagged()).isEqualTo(30);
    }

    @Test
    void aSharedPhoneMakesADuplicateOnlyWhenAnEmailDoesNotTellThePeopleApart() {
        ImportTestSupport.Phone office = ImportTestSupport.phone();
        imports.importAndWait(token, "alice.csv", "Name,Email,Phone\nAlice Office,alice@" + tag + ".example,"
                + office.typed() + "\n");
        JsonNode job = imports.importAndWait(token, "more.csv", """
                Name,Email,Phone,Title
                Bob Office,bob@%1$s.example,%2$s,Clerk
                ,,%2$s,Receptionist
                """.formatted(tag, office.typed()), "policy", "update");
        assertThat(job.get("counts").get("created").asInt()).isEqualTo(1);
        assertThat(job.get("counts").get("updated").asInt()).isEqualTo(1);
        assertThat(contactWithEmail("bob@" + tag + ".example").get("title").asString()).isEqualTo("Clerk");
        JsonNode alice = contactWithEmail("alice@" + tag + ".example");
        assertThat(alice.get("firstName").asString()).isEqualTo("Alice");
        assertThat(alice.get("title").asString()).isEqualTo("Receptionist");
    }

    private int contactsTagged() {
        return jdbc.sql("select count(distinct c.id) from contacts c join contact_emails e on e.contact_id = c.id where e.address like :like")
                .param("like", "%@" + tag + ".example").query(Integer.class).single();
    }

    private JsonNode contactWithEmail(String email) {
        JsonNode page = api.read(api.get(token, "/api/v1/contacts?q=" + email));
        assertThat(page.get("items").size()).isEqualTo(1);
        return page.get("items").get(0);
    }

    private static List<String> errors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(e -> errors.add(e.get("row").asInt() + "|" + e.get("column").asString() + "|"
                + e.get("reason").asString()));
        return errors;
    }
}
