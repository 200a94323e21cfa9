package org.rapport.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two record lists, accounts and contacts: their record type (custom fields, saved views), page path and
 * optional columns, built-in ones and one per active custom field ({@code cf.<key>}).
 */
enum RecordList {
    CONTACTS(ContactService.TYPE, "/contacts", "contact",
            columns("title", "Title", "email", "Email", "phone", "Phone", "stage", "Stage", "source", "Source",
                    "owner", "Owner", "tags", "Tags", "updated", "Updated"),
            List.of("title", "email", "phone", "stage", "owner")),
    ACCOUNTS(AccountService.TYPE, "/accounts", "account",
            columns("domain", "Domain", "industry", "Industry", "phone", "Phone", "stage", "Stage",
                    "relationships", "Relationships", "employees", "Employees", "revenue", "Annual revenue",
                    "city", "City", "owner", "Owner", "tags", "Tags", "updated", "Updated"),
            List.of("domain", "industry", "owner"));

    private final String type;
    private final String path;
    private final String noun;
    private final Map<String, String> builtIn;
    private final List<String> defaults;

    RecordList(String type, String path, String noun, Map<String, String> builtIn, List<String> defaults) {
        this.type = type;
        this.path = path;
        this.noun = noun;
        this.builtIn = builtIn;
        this.defaults = defaults;
    }

    /** The list a page path such as {@code /accounts/bulk} belongs to. */
    static RecordList ofPath(String path) {
        return path.startsWith(ACCOUNTS.path + "/") ? ACCOUNTS : CONTACTS;
    }

    String type() {
        return type;
    }

    String path() {
        return path;
    }

    /** "contact", "account". */
    String noun() {
        return noun;
    }

    /** "contacts", "accounts". */
    String plural() {
        return path.substring(1);
    }

    /** Column id to label, built-in first, then custom fields. */
    Map<String, String> columns(List<CustomFieldDefinition> definitions) {
        Map<String, String> all = new LinkedHashMap<>(builtIn);
        definitions.forEach(d -> all.put("cf." + d.key(), d.label()));
        return all;
    }

    /** The requested columns that exist, in the order of {@link #columns}; the default set when none is requested. */
    List<String> chosen(List<String> requested, List<CustomFieldDefinition> definitions) {
        if (requested == null || requested.isEmpty()) {
            return defaults;
        }
        List<String> chosen = new ArrayList<>();
        columns(definitions).keySet().forEach(column -> {
            if (requested.contains(column)) {
                chosen.add(column);
            }
        });
        return chosen.isEmpty() ? defaults : chosen;
    }

    private static Map<String, String> columns(String... idsAndLabels) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i + 1 < idsAndLabels.length; i += 2) {
            columns.put(idsAndLabels[i], idsAndLabels[i + 1]);
        }
        return columns;
    }
}
