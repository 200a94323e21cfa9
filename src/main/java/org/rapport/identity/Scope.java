package org.rapport.identity;

import java.util.Locale;

/** What an API token may do on its user's behalf; a signed-in browser session holds all three. */
public enum Scope {
    READ, WRITE, ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "SCOPE_" + value();
    }

    static Scope parse(String value) {
        for (Scope scope : values()) {
            if (scope.value().equals(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("Unknown scope '" + value + "'; use read, write or admin");
    }
}
