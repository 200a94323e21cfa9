package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Imports 100,000 generated rows (1% bad) and imports them again with "update": prints rows per second, checks
 * that every good row is in once and every bad row reported. Run with {@code -Drapport.bench=true}
 * (and {@code -Drapport.bench.rows=N} for another size).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "rapport.bench", matches = "true")
class ContactImportBenchmarkTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired ImportTestSupport imports;
    @Autowired JdbcClient jdbc;

    @Test
    void importsAHundredThousandRowsInChunks() throws Exception {
        int rows = Integer.getInteger("rapport.bench.rows", 100_000);
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Bench"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String domain = "b" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        List<String> accountNames = List.of("Initech " + domain, "Globex " + domain, "Hooli " + domain);
        accountNames.forEach(name -> api.post(token, "/api/v1/accounts", "{\"name\": \"" + name + "\"}"));
        StringWriter csv = new StringWriter();
        ContactCsvGenerator.write(csv, rows, domain, accountNames);
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        int bad = (int) java.util.stream.IntStream.rangeClosed(2, rows + 1).filter(ContactCsvGenerator::bad).count();

        Instant start = Instant.now();
        JsonNode first = imports.importAndWait(token, "bench.csv", file);
        Duration firstTook = Duration.between(start, Instant.now());
        assertThat(first.get("counts").get("created").asInt()).isEqualTo(rows - bad);
        assertThat(first.get("counts").get("failed").asInt()).isEqualTo(bad);
        assertThat(first.get("errors").get(0).get("row").asInt()).isEqualTo(100);
        assertThat(contacts(domain)).isEqualTo(rows - bad);

        start = Instant.now();
        JsonNode again = imports.importAndWait(token, "bench.csv", csv.toString().replace("Engineer", "Architect")
                .getBytes(StandardCharsets.UTF_8), "policy", "update");
        Duration againTook = Duration.between(start, Instant.now());
        assertThat(again.get("counts").get("created").asInt()).isZero();
        assertThat(again.get("counts").get("updated").asInt()).isEqualTo(rows - bad);
        assertThat(contacts(domain)).isEqualTo(rows - bad);

        System.out.printf("%nIMPORT BENCHMARK: %d rows (%d bad), %.1f MB CSV%n  first import (create): %.1f s = %.0f rows/s"
                        + "%n  same file again (update): %.1f s = %.0f rows/s%n%n",
                rows, bad, file.length / 1e6, firstTook.toMillis() / 1e3, rows * 1e3 / firstTook.toMillis(),
                againTook.toMillis() / 1e3, rows * 1e3 / againTook.toMillis());
    }

    private int contacts(String domain) {
        return jdbc.sql("select count(distinct contact_id) from contact_emails where address like :like")
                .param("like", "%@" + domain).query(Integer.class).single();
    }
}
