package org.rapport.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Builds the merge page for contacts or accounts from the records the caller may see (others answer 404). */
@Component
class MergePages {

    static final String CONTACT = ContactService.TYPE;
    static final String ACCOUNT = AccountService.TYPE;

    private final ContactService contacts;
    private final AccountService accounts;
    private final AccountMergeRepository accountSnapshots;

    MergePages(ContactService contacts, AccountService accounts, AccountMergeRepository accountSnapshots) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.accountSnapshots = accountSnapshots;
    }

    MergePage build(CurrentUser user, String type, List<UUID> ids) {
        List<UUID> distinct = ids == null ? List.of() : ids.stream().distinct().toList();
        if (distinct.size() < 2 || distinct.size() > MergePlan.MAX_MERGED + 1) {
            throw new InvalidFieldException("ids", "Choose from 2 to " + (MergePlan.MAX_MERGED + 1) + " records to merge");
        }
        return switch (type) {
            case CONTACT -> contacts(distinct.stream().map(id -> contacts.get(user, id)).toList());
            case ACCOUNT -> accounts(user, distinct.stream().map(id -> accounts.get(user, id)).toList());
            case null, default -> throw new InvalidFieldException("type", "Merge contacts or accounts");
        };
    }

    private static MergePage contacts(List<ContactView> records) {
        List<MergePage.Column> columns = records.stream()
                .map(c -> new MergePage.Column(c.id(), c.displayName(), c.version())).toList();
        List<MergePage.Row> fields = List.of(
                row(records, "firstName", "First name", ContactView::firstName),
                row(records, "lastName", "Last name", ContactView::lastName),
                row(records, "title", "Title", ContactView::title),
                row(records, "lifecycleStage", "Lifecycle stage", c -> name(c.lifecycleStage())),
                row(records, "source", "Source", ContactView::source),
                row(records, "preferredChannel", "Preferred channel", c -> name(c.preferences().preferredChannel())),
                row(records, "language", "Language", c -> c.preferences().language()),
                row(records, "address", "Address", c -> address(c.address())),
                row(records, "consent", "Consent", MergePages::consent),
                row(records, "ownerId", "Owner", ContactView::ownerName));
        List<MergePage.Row> combined = List.of(
                row(records, "emails", "Emails", c -> join(c.emails().stream().map(ContactView.Email::address))),
                row(records, "phones", "Phones", c -> join(c.phones().stream().map(ContactView.Phone::number))),
                row(records, "accounts", "Accounts", c -> c.accountIds().isEmpty() ? "" : c.accountIds().size() + " linked"),
                row(records, "tags", "Tags", c -> join(c.tags().stream())),
                row(records, "interests", "Interests", c -> join(c.preferences().interests().stream())),
                row(records, "relationshipTypes", "Relationship", c -> join(c.relationshipTypes().stream().map(Enum::name))));
        return new MergePage(CONTACT, columns, fields, combined);
    }

    private MergePage accounts(CurrentUser user, List<AccountView> records) {
        List<MergePage.Column> columns = records.stream()
                .map(a -> new MergePage.Column(a.id(), a.name(), a.version())).toList();
        List<Map<String, Object>> snapshots = records.stream().map(a -> accountSnapshots.snapshot(a.id())).toList();
        List<MergePage.Row> fields = new ArrayList<>();
        for (MergeField field : AccountMerger.FIELDS) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                values.add(switch (field.name()) {
                    case "ownerId" -> records.get(i).ownerName();
                    case "parentAccountId" -> parentName(user, (UUID) snapshots.get(i).get("parentAccountId"));
                    default -> text(snapshots.get(i).get(field.name()));
                });
            }
            fields.add(row(records.stream().map(AccountView::id).toList(), field.name(), label(field.name()), values));
        }
        List<MergePage.Row> combined = List.of(
                row(records.stream().map(AccountView::id).toList(), "tags", "Tags",
                        snapshots.stream().map(s -> text(s.get("tags"))).toList()),
                row(records.stream().map(AccountView::id).toList(), "relationshipTypes", "Relationship",
                        snapshots.stream().map(s -> text(s.get("relationshipTypes"))).toList()));
        return new MergePage(ACCOUNT, columns, fields, combined);
    }

    private String parentName(CurrentUser user, UUID parent) {
        if (parent == null) {
            return "";
        }
        try {
            return accounts.get(user, parent).name();
        } catch (NotFoundException e) {
            return "(an account you cannot see)";
        }
    }

    private static MergePage.Row row(List<ContactView> records, String name, String label,
                                         Function<ContactView, String> value) {
        return row(records.stream().map(ContactView::id).toList(), name, label,
                records.stream().map(value).map(MergePages::text).toList());
    }

    private static MergePage.Row row(List<UUID> ids, String name, String label, List<String> values) {
        UUID preselected = ids.getFirst();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                preselected = ids.get(i);
                break;
            }
        }
        return new MergePage.Row(name, label, values, preselected);
    }

    private static String label(String field) {
        String spaced = field.replace("Id", "").replaceAll("([A-Z])", " $1").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String consent(ContactView c) {
        List<String> parts = new ArrayList<>();
        parts.add(c.consent().marketingOptIn() ? "marketing opt-in" : "no marketing opt-in");
        if (c.consent().doNotCall()) {
            parts.add("do not call");
        }
        if (c.consent().doNotEmail()) {
            parts.add("do not email");
        }
        return String.join(", ", parts);
    }

    private static String address(PostalAddress a) {
        return a == null ? "" : join(Stream.of(a.street(), a.postalCode(), a.city(), a.region(), a.country()));
    }

    private static String join(Stream<String> values) {
        return values.filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(", "));
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case List<?> list -> join(list.stream().map(String::valueOf));
            default -> value.toString();
        };
    }
}
