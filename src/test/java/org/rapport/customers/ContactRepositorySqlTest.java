package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rapport.identity.SqlFilter;

/** The benchmark's pgbench counterpart of a contact GET runs the statement the app runs. */
class ContactRepositorySqlTest {

    @Test
    void pgbenchScriptRunsTheStatementOfFind() throws IOException {
        String script = Arrays.stream(Files.readString(Path.of("bench/pgbench/get-contact.sql")).split("\n"))
                .filter(line -> !line.startsWith("--") && !line.startsWith("\\"))
                .collect(Collectors.joining("\n"));
        String statement = script.substring(script.indexOf('\n', script.indexOf("\\gset")));
        String app = (ContactRepository.FIND + SqlFilter.UNRESTRICTED.sql()).replace(":id", "cast(:contact_id as uuid)");
        assertThat(normalized(statement)).isEqualTo(normalized(app) + ";");
    }

    private static String normalized(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
