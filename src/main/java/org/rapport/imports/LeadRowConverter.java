package org.rapport.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.rapport.sales.LeadBulkRow;
import org.rapport.sales.LeadSource;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.PhoneNumber;

/**
 * Turns a data row into a lead row by the mapping: the email lower-cased, the phone in E.164 (read in the configured
 * region when it has no country code), the country and the source read from their usual spellings. A value it cannot
 * read is an error naming its column.
 */
final class LeadRowConverter {

    /** The lead row, or the errors that keep the row out. */
    record Converted(SheetRow source, LeadBulkRow row, List<RowConverter.CellError> errors) {
    }

    private final ImportMapping mapping;
    private final String phoneRegion;

    LeadRowConverter(ImportMapping mapping, String phoneRegion) {
        this.mapping = mapping;
        this.phoneRegion = phoneRegion;
    }

    Converted convert(SheetRow source) {
        List<RowConverter.CellError> errors = new ArrayList<>();
        Map<LeadField, String> values = new EnumMap<>(LeadField.class);
        for (int c = 0; c < mapping.columns().size(); c++) {
            String value = source.cell(c);
            if (mapping.field(c) instanceof LeadField field && !value.isEmpty()) {
                try {
                    values.put(field, normalized(field, value));
                } catch (IllegalArgumentException e) {
                    errors.add(new RowConverter.CellError(mapping.columns().get(c), e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Converted(source, null, errors);
        }
        String first = values.get(LeadField.FIRST_NAME);
        String last = values.get(LeadField.LAST_NAME);
        String full = values.get(LeadField.FULL_NAME);
        if (first == null && last == null && full != null) {
            String[] parts = RowConverter.splitName(full);
            first = parts[0].isEmpty() ? null : parts[0];
            last = parts[1];
        }
        String sourceName = values.get(LeadField.SOURCE);
        return new Converted(source, new LeadBulkRow(source.number(), first, last, values.get(LeadField.EMAIL),
                values.get(LeadField.PHONE), values.get(LeadField.COMPANY), values.get(LeadField.TITLE),
                values.get(LeadField.COUNTRY), sourceName == null ? null : LeadSource.valueOf(sourceName),
                values.get(LeadField.OWNER_EMAIL)), List.of());
    }

    /** The value as the lead row takes it; an {@link IllegalArgumentException} says why it cannot be read. */
    private String normalized(LeadField field, String value) {
        return switch (field) {
            case EMAIL, OWNER_EMAIL -> EmailAddress.parse(value).value();
            case PHONE -> PhoneNumber.parse(value, phoneRegion).e164();
            case COUNTRY -> CellValues.country(value).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown country '" + value + "'; use a two-letter ISO code"));
            case SOURCE -> CellValues.leadSource(value).map(Enum::name).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown source '" + value + "'; use one of " + Arrays.toString(LeadSource.values())));
            default -> value;
        };
    }

    /** The column a field error of the lead row is about, by the mapping. */
    String columnOf(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "firstName" -> mapping.columnOf(LeadField.FIRST_NAME, LeadField.FULL_NAME);
            case "lastName" -> mapping.columnOf(LeadField.LAST_NAME, LeadField.FIRST_NAME, LeadField.FULL_NAME);
            case "email" -> mapping.columnOf(LeadField.EMAIL);
            case "phone" -> mapping.columnOf(LeadField.PHONE);
            case "company" -> mapping.columnOf(LeadField.COMPANY);
            case "title" -> mapping.columnOf(LeadField.TITLE);
            case "country" -> mapping.columnOf(LeadField.COUNTRY);
            case "source" -> mapping.columnOf(LeadField.SOURCE);
            case "ownerEmail" -> mapping.columnOf(LeadField.OWNER_EMAIL);
            default -> null;
        };
    }
}
