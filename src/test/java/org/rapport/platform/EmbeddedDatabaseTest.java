package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Embedded PostgreSQL keeps data across restarts and after the JVM is killed with SIGKILL, also when its
 * postmaster dies the same way; and it runs durable (fsync, synchronous_commit on).
 */
class EmbeddedDatabaseTest {


    @Test
    void runsDurableAndKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "embedded-restart-" + System.nanoTime()));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false); Connection c = connect(db)) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            c.createStatement().execute("create table kept (n int)");
            c.createStatement().execute("insert into kept values (1), (2), (3)");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false); Connection c = connect(db)) {
            assertThat(count(c)).isEqualTo(3);
        }
    }

    @Test
    void startsAfterTheJvmWasKilledWithEveryCommittedRow() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "embedded-kill-" + System.nanoTime()));
        int committed = runChildAndKill(dataDir, false);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false); Connection c = connect(db)) {
            assertEveryAcknowledgedRowIsThere(c, committed);
        }
    }

    @Test
    void startsAfterTheJvmAndPostgresWereBothKilledWithEveryCommittedRow() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "embedded-crash-" + System.nanoTime()));
        int committed = runChildAndKill(dataDir, true);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false); Connection c = connect(db)) {
            assertEveryAcknowledgedRowIsThere(c, committed);
        }
    }

    /** Rows the child saw committed are all there; it may have committed a few more before it died. */
    private static void assertEveryAcknowledgedRowIsThere(Connection c, int acknowledged) throws SQLException {
        var rs = c.createStatement().executeQuery("select count(*), count(distinct n), min(n), max(n) from kept");
        rs.next();
        assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(acknowledged).isEqualTo(rs.getInt(2)).isEqualTo(rs.getInt(4));
        assertThat(rs.getInt(3)).isEqualTo(1);
    }

    /** Starts a JVM that commits rows one by one, SIGKILLs it mid-stream (and its postmaster, if asked). */
    private int runChildAndKill(Path dataDir, boolean killPostgresToo) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    committed = Integer.parseInt(line.substring(10).trim());
                    if (committed >= 200) {
                        break;
                    }
                }
            }
            if (killPostgresToo) {
                long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
                new ProcessBuilder("kill", "-KILL", Long.toString(postmaster)).start().waitFor(10, TimeUnit.SECONDS);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).isGreaterThanOrEqualTo(200);
        return committed;
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl());
    }

    private static String setting(Connection c, String name) throws SQLException {
        var rs = c.createStatement().executeQuery("show " + name);
        rs.next();
        return rs.getString(1);
    }

    private static int count(Connection c) throws SQLException {
        var rs = c.createStatement().executeQuery("select count(*) from kept");
        rs.next();
        return rs.getInt(1);
    }
}
