package org.rapport.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.rapport.customers.ContactBulkRow;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.PostalAddress;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.PhoneNumber;

/**
 * Turns a data row into a contact row by the mapping: emails lower-cased, phones in E.164 (numbers without a
 * country code read in the configured region), flags, stages and countries read from their usual spellings;
 * custom field values go on as typed, for the bulk write to check by the rules of the API.
 * A value it cannot read is an error naming its column.
 */
final class RowConverter {

    /** A value that could not be read, with its column. */
    record CellError(String column, String reason) {
    }

    /** The contact row, or the errors that keep the row out. */
    record Converted(SheetRow source, ContactBulkRow row, List<CellError> errors) {
    }

    private static final Pattern EMAIL_SEPARATORS = Pattern.compile("[;,\\s]+");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[;,|]");
    private static final Pattern ACCOUNT_SEPARATORS = Pattern.compile(";");

    private final ImportMapping mapping;
    private final String phoneRegion;

    RowConverter(ImportMapping mapping, String phoneRegion) {
        this.mapping = mapping;
        this.phoneRegion = phoneRegion;
    }

    Converted convert(SheetRow source) {
        List<CellError> errors = new ArrayList<>();
        Map<ContactField, String> single = new LinkedHashMap<>();
        List<ContactBulkRow.Email> emails = new ArrayList<>();
        List<ContactBulkRow.Phone> phones = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        LifecycleStage stage = null;
        Boolean optIn = null;
        Boolean doNotCall = null;
        Boolean doNotEmail = null;
        String country = null;
        String owner = null;
        Map<String, String> custom = new LinkedHashMap<>();
        List<String> columns = mapping.columns();
        for (int c = 0; c < columns.size(); c++) {
            ImportTarget target = mapping.field(c);
            String value = source.cell(c);
            if (target == null || value.isEmpty()) {
                continue;
            }
            if (target instanceof CustomTarget customTarget) {
                custom.put(customTarget.definition().key(), value);
                continue;
            }
            ContactField field = (ContactField) target;
            String column = columns.get(c);
            switch (field) {
                case EMAIL, PERSONAL_EMAIL, OTHER_EMAIL -> {
                    for (String part : EMAIL_SEPARATORS.split(value)) {
                        if (!part.isEmpty()) {
                            try {
                                emails.add(new ContactBulkRow.Email(EmailAddress.parse(part).value(), field.emailType()));
                            } catch (IllegalArgumentException e) {
                                errors.add(new CellError(column, e.getMessage()));
                            }
                        }
                    }
                }
                case PHONE, MOBILE_PHONE, HOME_PHONE, OTHER_PHONE, FAX -> {
                    for (String part : value.split(";")) {
                        if (!part.isBlank()) {
                            try {
                                phones.add(new ContactBulkRow.Phone(PhoneNumber.parse(part, phoneRegion).e164(),
                                        field.phoneType()));
                            } catch (IllegalArgumentException e) {
                                errors.add(new CellError(column, e.getMessage()));
                            }
                        }
                    }
                }
                case ACCOUNT_NAME -> split(value, ACCOUNT_SEPARATORS, accounts);
                case TAGS -> split(value, TAG_SEPARATORS, tags);
                case LIFECYCLE_STAGE -> {
                    stage = CellValues.stage(value).orElse(null);
                    if (stage == null) {
                        errors.add(new CellError(column, "Unknown lifecycle stage '" + value + "'; use one of "
                                + Arrays.toString(LifecycleStage.values())));
                    }
                }
                case MARKETING_OPT_IN, DO_NOT_CALL, DO_NOT_EMAIL -> {
                    Boolean flag = CellValues.flag(value).orElse(null);
                    if (flag == null) {
                        errors.add(new CellError(column, "'" + value + "' is not yes or no"));
                    } else if (field == ContactField.MARKETING_OPT_IN) {
                        optIn = flag;
                    } else if (field == ContactField.DO_NOT_CALL) {
                        doNotCall = flag;
                    } else {
                        doNotEmail = flag;
                    }
                }
                case COUNTRY -> {
                    country = CellValues.country(value).orElse(null);
                    if (country == null) {
                        errors.add(new CellError(column, "Unknown country '" + value + "'; use a two-letter ISO code"));
                    }
                }
                case OWNER_EMAIL -> {
                    try {
                        owner = EmailAddress.parse(value).value();
                    } catch (IllegalArgumentException e) {
                        errors.add(new CellError(column, e.getMessage()));
                    }
                }
                default -> single.put(field, value);
            }
        }
        String first = single.get(ContactField.FIRST_NAME);
        String last = single.get(ContactField.LAST_NAME);
        String full = single.get(ContactField.FULL_NAME);
        if (first == null && last == null && full != null) {
            String[] parts = splitName(full);
            first = parts[0];
            last = parts[1];
        }
        PostalAddress address = null;
        String street = single.get(ContactField.STREET);
        String city = single.get(ContactField.CITY);
        String region = single.get(ContactField.REGION);
        String postalCode = single.get(ContactField.POSTAL_CODE);
        if (street != null || city != null || region != null || postalCode != null || country != null) {
            address = new PostalAddress(street, city, region, postalCode, country);
        }
        ContactBulkRow row = errors.isEmpty() ? new ContactBulkRow(source.number(), first, last,
                single.get(ContactField.TITLE), emails, phones, accounts, stage, single.get(ContactField.SOURCE), tags,
                address, optIn, doNotCall, doNotEmail, owner, custom) : null;
        return new Converted(source, row, errors);
    }

    /** The column a field error of the contact row is about, by the mapping. */
    String columnOf(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("customFields.")) {
            return mapping.columnOfCustom(field.substring("customFields.".length()));
        }
        return switch (field) {
            case "name" -> mapping.columnOf(ContactField.LAST_NAME, ContactField.FIRST_NAME, ContactField.FULL_NAME);
            case "firstName" -> mapping.columnOf(ContactField.FIRST_NAME, ContactField.FULL_NAME);
            case "lastName" -> mapping.columnOf(ContactField.LAST_NAME, ContactField.FULL_NAME);
            case "title" -> mapping.columnOf(ContactField.TITLE);
            case "emails" -> mapping.columnOf(ContactField.EMAIL, ContactField.PERSONAL_EMAIL, ContactField.OTHER_EMAIL);
            case "phones" -> mapping.columnOf(ContactField.PHONE, ContactField.MOBILE_PHONE, ContactField.HOME_PHONE,
                    ContactField.OTHER_PHONE, ContactField.FAX);
            case "accountNames" -> mapping.columnOf(ContactField.ACCOUNT_NAME);
            case "lifecycleStage" -> mapping.columnOf(ContactField.LIFECYCLE_STAGE);
            case "source" -> mapping.columnOf(ContactField.SOURCE);
            case "tags" -> mapping.columnOf(ContactField.TAGS);
            case "address.street" -> mapping.columnOf(ContactField.STREET);
            case "address.city" -> mapping.columnOf(ContactField.CITY);
            case "address.region" -> mapping.columnOf(ContactField.REGION);
            case "address.postalCode" -> mapping.columnOf(ContactField.POSTAL_CODE);
            case "address.country" -> mapping.columnOf(ContactField.COUNTRY);
            case "ownerEmail" -> mapping.columnOf(ContactField.OWNER_EMAIL);
            default -> null;
        };
    }

    /** "Ada Lovelace" → Ada / Lovelace; "Lovelace, Ada" → Ada / Lovelace; "Ada" → "" / Ada. */
    static String[] splitName(String full) {
        String name = full.strip().replaceAll("\\s+", " ");
        int comma = name.indexOf(',');
        if (comma > 0) {
            return new String[] {name.substring(comma + 1).strip(), name.substring(0, comma).strip()};
        }
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {"", name} : new String[] {name.substring(0, space), name.substring(space + 1)};
    }

    private static void split(String value, Pattern separator, List<String> into) {
        for (String part : separator.split(value)) {
            if (!part.isBlank()) {
                into.add(part.strip());
            }
        }
    }
}
