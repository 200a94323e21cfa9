package org.rapport.identity;

import java.util.Map;

/** A SQL boolean expression with its named parameters, to AND into a query's WHERE clause. */
public record SqlFilter(String sql, Map<String, Object> params) {

    /** No restriction: for administrators, and for reading back a row the caller has just written. */
    public static final SqlFilter UNRESTRICTED = new SqlFilter("true", Map.of());
}
