package org.rapport.imports;

import java.util.Arrays;
import java.util.Locale;

import org.rapport.shared.InvalidFieldException;

/** What an import brings in: contacts or leads; {@code key} is its name in the API and the {@code imports} table. */
enum ImportEntity {
    CONTACTS("contacts", "contact"),
    LEADS("leads", "lead");

    private final String key;
    private final String noun;

    ImportEntity(String key, String noun) {
        this.key = key;
        this.noun = noun;
    }

    String key() {
        return key;
    }

    /** One record of the kind, in words ({@code contact}). */
    String noun() {
        return noun;
    }

    static ImportEntity of(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.key.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("entity", "Use contacts or leads"));
    }
}
