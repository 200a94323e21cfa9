package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.rapport.ApiClient;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** Uploads files to the import API and waits for their jobs, for the import tests. */
@Component
class ImportTestSupport {

    private static final java.util.Random RANDOM = new java.security.SecureRandom();

    /** A phone number as typed and in E.164 form. */
    record Phone(String typed, String e164) {
    }

    /**
     * A random New York number, (212) 2XX-XXXX, so that imports in the shared test database do not match other
     * tests' contacts by phone; {@code offset} gives the next numbers of a series.
     */
    static Phone phone(int seed, int offset) {
        int exchange = 220 + Math.floorMod(seed, 80);
        int line = Math.floorMod(seed / 80, 9000) + offset;
        return new Phone(String.format("(212) %d-%04d", exchange, line), String.format("+1212%d%04d", exchange, line));
    }

    static Phone phone() {
        return phone(RANDOM.nextInt(Integer.MAX_VALUE), 0);
    }

    static int seed() {
        return RANDOM.nextInt(Integer.MAX_VALUE);
    }

    private final MockMvcTester mvc;
    private final ApiClient api;

    ImportTestSupport(MockMvcTester mvc, ApiClient api) {
        this.mvc = mvc;
        this.api = api;
    }

    MvcTestResult upload(String token, String fileName, byte[] content, String... params) {
        var request = mvc.post().uri("/api/v1/imports").multipart()
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    MvcTestResult uploadWithoutFile(String token) {
        return mvc.post().uri("/api/v1/imports").multipart().param("policy", "skip")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    MvcTestResult upload(String token, String fileName, String csv, String... params) {
        return upload(token, fileName, csv.getBytes(StandardCharsets.UTF_8), params);
    }

    /** Uploads, expects 202, and waits until the job has finished; returns the import as GET shows it. */
    JsonNode importAndWait(String token, String fileName, byte[] content, String... params) {
        MvcTestResult accepted = upload(token, fileName, content, params);
        assertThat(accepted).hasStatus(202);
        return waitFor(token, api.read(accepted).get("id").asString(), "COMPLETED");
    }

    JsonNode importAndWait(String token, String fileName, String csv, String... params) {
        return importAndWait(token, fileName, csv.getBytes(StandardCharsets.UTF_8), params);
    }

    JsonNode waitFor(String token, String id, String status) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        JsonNode job;
        do {
            MvcTestResult result = api.get(token, "/api/v1/imports/" + id);
            assertThat(result).hasStatusOk();
            job = api.read(result);
            String now = job.get("status").asString();
            if (now.equals(status)) {
                return job;
            }
            assertThat(now).as("import status; message: %s", job.get("message")).isIn("QUEUED", "RUNNING", "UNDOING");
            sleep(now.equals("QUEUED") ? 100 : 250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Import " + id + " did not reach " + status + ": " + job);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
