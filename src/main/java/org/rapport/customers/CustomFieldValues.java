package org.rapport.customers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts custom field values between the stored form (JSON values) and form fields (text). */
final class CustomFieldValues {

    private CustomFieldValues() {
    }

    static Map<String, String> asText(Map<String, Object> values) {
        Map<String, String> text = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> text.put(key, value instanceof Collection<?> c
                    ? String.join(",", c.stream().map(String::valueOf).toList()) : String.valueOf(value)));
        }
        return text;
    }

    /** Blank form fields mean "no value"; the service validates and converts the rest by field type. */
    static Map<String, Object> fromForm(Map<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((key, value) -> {
                if (value != null && !value.isBlank()) {
                    values.put(key, value);
                }
            });
        }
        return values;
    }
}
