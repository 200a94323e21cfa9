package org.rapport.platform;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dynamic SQL: queries are built with jOOQ's DSL (no code generation, no connection) and run through
 * {@link JdbcClient} with every user value as a bind parameter, never as SQL text.
 */
public final class Sql {

    private static final DSLContext DSL_CONTEXT = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderFormatted(false));

    private Sql() {
    }

    public static DSLContext dsl() {
        return DSL_CONTEXT;
    }

    /** Escapes LIKE wildcards so user text matches literally. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static JdbcClient.StatementSpec query(JdbcClient jdbc, Query query) {
        return jdbc.sql(query.getSQL(ParamType.INDEXED)).params(query.getBindValues());
    }
}
