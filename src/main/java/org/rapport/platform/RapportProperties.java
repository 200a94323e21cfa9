package org.rapport.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rapport's own settings, bound from {@code rapport.*} (environment variables {@code RAPPORT_*}, see README).
 *
 * @param dataDir   where embedded PostgreSQL and uploaded files live
 * @param db        an external PostgreSQL; when its url is blank Rapport runs its embedded one
 * @param admin     the first administrator created on an empty database
 * @param demoData  load demo data on an empty database; null means "only in embedded mode"
 */
@ConfigurationProperties("rapport")
public record RapportProperties(Path dataDir, Db db, Admin admin, Boolean demoData) {

    public RapportProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        db = db == null ? new Db(null, null, null, false) : db;
        admin = admin == null ? new Admin(null, null) : admin;
    }

    public boolean embedded() {
        return db.url() == null || db.url().isBlank();
    }

    public boolean loadDemoData() {
        return demoData == null ? embedded() : demoData;
    }

    /** @param ephemeral embedded mode only: wipe the data directory at start (tests) */
    public record Db(String url, String user, String password, boolean ephemeral) {
    }

    public record Admin(String email, String password) {

        public String emailOrDefault() {
            return email == null || email.isBlank() ? "admin@rapport.local" : email.trim().toLowerCase();
        }
    }
}
