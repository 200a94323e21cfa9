package org.rapport.customers;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.identity.Visibility;
import org.rapport.shared.CursorPage;
import org.rapport.shared.InvalidFieldException;
import org.springframework.stereotype.Service;

/**
 * Contacts for export: every contact the caller may see that matches a filter, handed over page by page
 * in name order, so that an export of any size never holds more than one page in memory.
 */
@Service
public class ContactExportService {

    private static final int PAGE = 500;

    /** Which contacts to export; null means "any". {@code q} matches names, emails and phones. */
    public record Filter(String q, UUID ownerId, String tag, LifecycleStage lifecycleStage) {
    }

    /** A contact with the names of its accounts the caller can see, and its owner's email. */
    public record Row(ContactView contact, List<String> accountNames, String ownerEmail) {
    }

    private final ContactRepository contacts;
    private final ContactBulkRepository bulk;
    private final Visibility visibility;
    private final UserService users;

    ContactExportService(ContactRepository contacts, ContactBulkRepository bulk, Visibility visibility,
                         UserService users) {
        this.contacts = contacts;
        this.bulk = bulk;
        this.visibility = visibility;
        this.users = users;
    }

    /** Rejects a filter the export would refuse, so that callers can answer 400 before they start writing. */
    public void check(Filter filter) {
        if (filter.q() != null && filter.q().length() > 200) {
            throw new InvalidFieldException("q", "Search for at most 200 characters");
        }
        if (filter.tag() != null && filter.tag().length() > 50) {
            throw new InvalidFieldException("tag", "A tag has at most 50 characters");
        }
    }

    public void forEach(CurrentUser user, Filter filter, Consumer<Row> sink) {
        check(filter);
        SqlFilter visibleContacts = visibility.filter(user, "c", ContactService.TYPE);
        SqlFilter visibleAccounts = visibility.filter(user, "a", AccountService.TYPE);
        Map<UUID, String> ownerEmails = users.list().stream().collect(Collectors.toMap(UserView::id, UserView::email));
        ListFilter where = new ListFilter(filter.q(), filter.ownerId(), null, filter.lifecycleStage(), filter.tag(), null);
        String cursor = null;
        do {
            CursorPage<ContactView> page = contacts.list(visibleContacts, where, ContactSort.NAME, cursor, PAGE);
            Map<UUID, String> accountNames = bulk.accountNames(visibleAccounts,
                    page.items().stream().flatMap(c -> c.accountIds().stream()).collect(Collectors.toSet()));
            for (ContactView c : page.items()) {
                sink.accept(new Row(c, c.accountIds().stream().map(accountNames::get).filter(Objects::nonNull).toList(),
                        ownerEmails.get(c.ownerId())));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }
}
