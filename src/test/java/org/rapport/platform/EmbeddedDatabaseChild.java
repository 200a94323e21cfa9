package org.rapport.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** A separate JVM for {@link EmbeddedDatabaseTest}: commits rows one at a time, printing each count, until killed. */
final class EmbeddedDatabaseChild {

    private EmbeddedDatabaseChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), false);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            c.createStatement().execute("create table if not exists kept (n int)");
            var insert = c.prepareStatement("insert into kept values (?)");
            for (int i = 1; ; i++) {
                insert.setInt(1, i);
                insert.executeUpdate();
                System.out.println("COMMITTED " + i);
                System.out.flush();
            }
        }
    }
}
