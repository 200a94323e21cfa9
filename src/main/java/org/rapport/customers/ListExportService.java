package org.rapport.customers;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Size;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.identity.Visibility;
import org.rapport.shared.CursorPage;
import org.rapport.shared.InvalidFieldException;
import org.springframework.stereotype.Service;

/**
 * Accounts and contacts for export: every record the caller may see that matches a list filter, handed over page
 * by page in name order, so that an export of any size never holds more than one page in memory.
 */
@Service
public class ListExportService {

    private static final int PAGE = 500;

    /**
     * The filter of a list as query parameters; null means "any". {@code q} matches names, emails and phones of
     * contacts, names and domains of accounts.
     */
    public record Filter(@Size(max = 200) String q, UUID ownerId, RelationshipType relationshipType,
                         LifecycleStage lifecycleStage, @Size(max = 50) String tag) {
    }

    /** A filter checked against the list of one record type (custom field filters included), ready to export. */
    public static final class Selection {
        private final String type;
        private final ListFilter filter;

        private Selection(String type, ListFilter filter) {
            this.type = type;
            this.filter = filter;
        }

        /** {@code account} or {@code contact}. */
        public String type() {
            return type;
        }
    }

    /** An exported record with what the export adds from other records. */
    public sealed interface Row permits ContactRow, AccountRow {
    }

    /** A contact with the names of its accounts the caller can see, and its owner's email. */
    public record ContactRow(ContactView contact, List<String> accountNames, String ownerEmail) implements Row {
    }

    /** An account with the name of its parent (when the caller can see it), and its owner's email. */
    public record AccountRow(AccountView account, String parentName, String ownerEmail) implements Row {
    }

    private final ContactRepository contacts;
    private final AccountRepository accounts;
    private final ContactBulkRepository names;
    private final Visibility visibility;
    private final UserService users;
    private final CustomFieldService customFields;

    ListExportService(ContactRepository contacts, AccountRepository accounts, ContactBulkRepository names,
                      Visibility visibility, UserService users, CustomFieldService customFields) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.names = names;
        this.visibility = visibility;
        this.users = users;
        this.customFields = customFields;
    }

    /** Hands over every record of the selection the user may see, in name order. */
    public void forEach(CurrentUser user, Selection selection, Consumer<Row> sink) {
        if (selection.type.equals(AccountService.TYPE)) {
            forEachAccount(user, selection, sink);
        } else {
            forEachContact(user, selection, sink);
        }
    }

    /**
     * The records of a type ({@code account} or {@code contact}) that {@code filter} and the {@code cf.<key>}
     * parameters select; a bad value is refused here, before anything is written.
     */
    public Selection select(String type, Filter filter, Map<String, String> parameters) {
        if (!CustomFieldService.ENTITIES.contains(type)) {
            throw new IllegalArgumentException("Not a list: " + type);
        }
        if (filter.q() != null && filter.q().length() > 200) {
            throw new InvalidFieldException("q", "Search for at most 200 characters");
        }
        if (filter.tag() != null && filter.tag().length() > 50) {
            throw new InvalidFieldException("tag", "A tag has at most 50 characters");
        }
        return new Selection(type, new ListFilter(blankToNull(filter.q()), filter.ownerId(), filter.relationshipType(),
                filter.lifecycleStage(), blankToNull(filter.tag()), null, customFields.filters(type, parameters)));
    }

    private void forEachContact(CurrentUser user, Selection selection, Consumer<Row> sink) {
        SqlFilter visibleContacts = visibility.filter(user, "c", ContactService.TYPE);
        SqlFilter visibleAccounts = visibility.filter(user, "a", AccountService.TYPE);
        Map<UUID, String> ownerEmails = ownerEmails();
        pages(cursor -> contacts.list(visibleContacts, selection.filter, ContactSort.NAME, cursor, PAGE), page -> {
            Map<UUID, String> accountNames = names.accountNames(visibleAccounts,
                    page.stream().flatMap(c -> c.accountIds().stream()).collect(Collectors.toSet()));
            for (ContactView c : page) {
                sink.accept(new ContactRow(c, c.accountIds().stream().map(accountNames::get).filter(Objects::nonNull)
                        .toList(), ownerEmails.get(c.ownerId())));
            }
        });
    }

    private void forEachAccount(CurrentUser user, Selection selection, Consumer<Row> sink) {
        SqlFilter visibleAccounts = visibility.filter(user, "a", AccountService.TYPE);
        Map<UUID, String> ownerEmails = ownerEmails();
        pages(cursor -> accounts.list(visibleAccounts, selection.filter, cursor, PAGE), page -> {
            Map<UUID, String> parents = names.accountNames(visibleAccounts, page.stream()
                    .map(AccountView::parentAccountId).filter(Objects::nonNull).collect(Collectors.toSet()));
            for (AccountView a : page) {
                sink.accept(new AccountRow(a, parents.get(a.parentAccountId()), ownerEmails.get(a.ownerId())));
            }
        });
    }

    private Map<UUID, String> ownerEmails() {
        return users.list().stream().collect(Collectors.toMap(UserView::id, UserView::email));
    }

    private static <T> void pages(Function<String, CursorPage<T>> next, Consumer<List<T>> sink) {
        String cursor = null;
        do {
            CursorPage<T> page = next.apply(cursor);
            sink.accept(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
