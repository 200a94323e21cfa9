package org.rapport.customers;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.AuditService;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom field definitions (admin-defined, per entity) and the validation of values on every write: unknown keys,
 * wrong types, missing required values and choices outside the options are refused, naming {@code customFields.key}.
 */
@Service
public class CustomFieldService {

    static final Set<String> ENTITIES = Set.of(AccountService.TYPE, ContactService.TYPE);

    private final JdbcClient jdbc;
    private final AuditService audit;

    CustomFieldService(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<CustomFieldDefinition> definitions(String entity) {
        return jdbc.sql("""
                select id, entity, key, label, type, required, options, position, active
                from custom_field_definitions where entity = :entity order by position, label
                """).param("entity", entity)
                .query((rs, i) -> new CustomFieldDefinition(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), CustomFieldType.valueOf(rs.getString(5)), rs.getBoolean(6),
                        List.of((String[]) rs.getArray(7).getArray()), rs.getInt(8), rs.getBoolean(9)))
                .list();
    }

    public List<CustomFieldDefinition> activeDefinitions(String entity) {
        return definitions(entity).stream().filter(CustomFieldDefinition::active).toList();
    }

    @Transactional
    public UUID define(CurrentUser admin, String entity, String key, String label, CustomFieldType type,
                       boolean required, List<String> options) {
        if (!admin.isAdmin()) {
            throw new ForbiddenException("Only an administrator may define custom fields");
        }
        if (!ENTITIES.contains(entity)) {
            throw new InvalidFieldException("entity", "Choose account or contact");
        }
        if (key == null || !key.matches("[a-z][a-zA-Z0-9_]{0,49}")) {
            throw new InvalidFieldException("key", "Start with a lower-case letter; letters, digits and _ only, at most 50");
        }
        if (label == null || label.isBlank() || label.length() > 100) {
            throw new InvalidFieldException("label", "Enter a label of 1 to 100 characters");
        }
        if (type == null) {
            throw new InvalidFieldException("type", "Choose a type");
        }
        List<String> choices = options == null ? List.of()
                : options.stream().map(String::strip).filter(o -> !o.isEmpty()).distinct().toList();
        boolean select = type == CustomFieldType.SELECT || type == CustomFieldType.MULTI_SELECT;
        if (select && choices.isEmpty()) {
            throw new InvalidFieldException("options", "A select needs at least one option");
        }
        if (choices.size() > 100 || choices.stream().anyMatch(o -> o.length() > 100)) {
            throw new InvalidFieldException("options", "At most 100 options of at most 100 characters");
        }
        if (definitions(entity).stream().anyMatch(d -> d.key().equals(key))) {
            throw new InvalidFieldException("key", "This entity already has a field with this key");
        }
        int position = definitions(entity).size();
        UUID id = jdbc.sql("""
                insert into custom_field_definitions (entity, key, label, type, required, options, position)
                values (:entity, :key, :label, :type, :required, :options, :position) returning id
                """).param("entity", entity).param("key", key).param("label", label.strip()).param("type", type.name())
                .param("required", required).param("options", select ? choices.toArray(String[]::new) : new String[0])
                .param("position", position).query(UUID.class).single();
        audit.created(new RecordRef("custom_field", id), Map.of("entity", entity, "key", key, "label", label.strip(),
                "type", type, "required", required));
        return id;
    }

    @Transactional
    public void setActive(CurrentUser admin, UUID id, boolean active) {
        if (!admin.isAdmin()) {
            throw new ForbiddenException("Only an administrator may change custom fields");
        }
        int changed = jdbc.sql("update custom_field_definitions set active = :active, version = version + 1 where id = :id and active <> :active")
                .param("active", active).param("id", id).update();
        if (changed == 1) {
            audit.updated(new RecordRef("custom_field", id), Map.of("active", !active), Map.of("active", active));
        }
    }

    /**
     * Checks and normalizes {@code values} against the entity's active definitions; values of inactive fields
     * already on the record are kept as they are.
     */
    Map<String, Object> validate(String entity, Map<String, Object> values, Map<String, Object> current) {
        List<CustomFieldDefinition> all = definitions(entity);
        Map<String, Object> result = new LinkedHashMap<>();
        for (CustomFieldDefinition d : all) {
            if (!d.active() && current != null && current.containsKey(d.key())) {
                result.put(d.key(), current.get(d.key()));
            }
        }
        result.putAll(normalized(all, values, true));
        return result;
    }

    /**
     * The given values checked and normalized by the rules of every write: an unknown or inactive key, a value of
     * the wrong type or outside the options is refused naming {@code customFields.key}; so is a missing required
     * value when {@code requireAll}. Blank values are left out.
     */
    static Map<String, Object> normalized(List<CustomFieldDefinition> all, Map<String, ?> values, boolean requireAll) {
        Map<String, ?> given = values == null ? Map.of() : values;
        for (String key : given.keySet()) {
            if (all.stream().noneMatch(d -> d.active() && d.key().equals(key))) {
                throw new InvalidFieldException("customFields." + key, "No such custom field");
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (CustomFieldDefinition d : all) {
            if (!d.active()) {
                continue;
            }
            Object value = normalize(d, given.get(d.key()));
            if (value != null) {
                result.put(d.key(), value);
            } else if (requireAll && d.required()) {
                throw new InvalidFieldException("customFields." + d.key(), d.label() + " is required");
            }
        }
        return result;
    }

    /** The first active required field without a value in {@code values}, if any. */
    static Optional<CustomFieldDefinition> missingRequired(List<CustomFieldDefinition> all,
                                                          Map<String, Object> values) {
        return all.stream().filter(d -> d.active() && d.required() && values.get(d.key()) == null).findFirst();
    }

    /** Query parameters {@code cf.<key>=value} as stored values, for a jsonb containment filter. */
    Map<String, Object> filters(String entity, Map<String, String> query) {
        Map<String, Object> filters = new LinkedHashMap<>();
        List<CustomFieldDefinition> all = definitions(entity);
        query.forEach((name, text) -> {
            if (!name.startsWith("cf.")) {
                return;
            }
            String key = name.substring(3);
            CustomFieldDefinition d = all.stream().filter(f -> f.key().equals(key)).findFirst()
                    .orElseThrow(() -> new InvalidFieldException(name, "No such custom field"));
            Object value = normalize(d, text);
            if (value != null) {
                filters.put(key, value);
            }
        });
        return filters;
    }

    private static Object normalize(CustomFieldDefinition d, Object raw) {
        String field = "customFields." + d.key();
        if (raw == null || raw instanceof String s && s.isBlank()
                || raw instanceof Collection<?> c && c.isEmpty()) {
            return null;
        }
        try {
            return switch (d.type()) {
                case TEXT -> text(raw, 1_000, field);
                case LONG_TEXT -> text(raw, 10_000, field);
                case NUMBER -> number(raw, 6, field);
                case MONEY -> number(raw, 4, field);
                case DATE -> LocalDate.parse(text(raw, 10, field)).toString();
                case BOOLEAN -> bool(raw, field);
                case SELECT -> choice(d, text(raw, 100, field), field);
                case MULTI_SELECT -> {
                    List<String> chosen = new ArrayList<>();
                    Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw.toString().split(","));
                    for (Object item : items) {
                        String option = choice(d, text(item, 100, field).strip(), field);
                        if (!chosen.contains(option)) {
                            chosen.add(option);
                        }
                    }
                    yield chosen;
                }
                case URL -> url(text(raw, 2_000, field), field);
                case EMAIL -> EmailAddress.parse(text(raw, 254, field)).value();
            };
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "Enter a date as YYYY-MM-DD");
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    private static String text(Object raw, int max, String field) {
        if (!(raw instanceof String s)) {
            throw new InvalidFieldException(field, "must be text");
        }
        if (s.length() > max) {
            throw new InvalidFieldException(field, "Use at most " + max + " characters");
        }
        return s.strip();
    }

    private static BigDecimal number(Object raw, int decimals, String field) {
        BigDecimal value;
        try {
            value = raw instanceof Number n ? new BigDecimal(n.toString())
                    : new BigDecimal(text(raw, 40, field).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "must be a number");
        }
        if (value.scale() > decimals || value.precision() - value.scale() > 15) {
            throw new InvalidFieldException(field, "Use at most 15 digits and " + decimals + " decimals");
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private static Boolean bool(Object raw, String field) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = text(raw, 5, field).toLowerCase();
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidFieldException(field, "must be true or false");
        };
    }

    private static String choice(CustomFieldDefinition d, String value, String field) {
        return d.options().stream().filter(o -> o.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new InvalidFieldException(field, "Choose one of: " + String.join(", ", d.options())));
    }

    private static String url(String value, String field) {
        try {
            URI uri = URI.create(value);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new InvalidFieldException(field, "Enter a web address starting with http:// or https://");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "Enter a web address starting with http:// or https://");
        }
    }
}
