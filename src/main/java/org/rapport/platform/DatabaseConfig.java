package org.rapport.platform;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The one connection pool: to the server named by {@code RAPPORT_DB_URL}, or to embedded PostgreSQL.
 * The pool depends on the embedded server, so Spring closes the pool first and the server after it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(RapportProperties properties) {
        return new EmbeddedDatabaseHolder(properties.embedded()
                ? EmbeddedDatabase.start(properties.dataDir(), properties.db().ephemeral())
                : null);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(RapportProperties properties, EmbeddedDatabaseHolder embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("rapport");
        if (embedded.database() != null) {
            config.setJdbcUrl(embedded.database().jdbcUrl());
        } else {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
        }
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    /** Lets the data source depend on the embedded server even in server mode, where there is none. */
    record EmbeddedDatabaseHolder(EmbeddedDatabase database) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            if (database != null) {
                database.close();
            }
        }
    }

}
