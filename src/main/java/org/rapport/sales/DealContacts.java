package org.rapport.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.Visibility;
import org.rapport.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts and contacts deal pages name and offer (only visible ones), and adding or removing a deal's contact.
 */
@Component
class DealContacts {

    /** A choice in a select. */
    record Option(UUID id, String name) {
    }

    private static final int MAX_OPTIONS = 300;

    private final DealService deals;
    private final Visibility visibility;
    private final JdbcClient jdbc;

    DealContacts(DealService deals, Visibility visibility, JdbcClient jdbc) {
        this.deals = deals;
        this.visibility = visibility;
        this.jdbc = jdbc;
    }

    /** Visible accounts by name (the first few hundred), with the current one first when given. */
    List<Option> accountOptions(CurrentUser user, UUID current) {
        SqlFilter visible = visibility.filter(user, "a", "account");
        return jdbc.sql("select a.id, a.name from accounts a where " + visible.sql()
                        + " order by a.id = :current desc, lower(a.name), a.id limit :limit")
                .params(visible.params()).param("current", current == null ? UUID.randomUUID() : current)
                .param("limit", MAX_OPTIONS)
                .query((rs, n) -> new Option(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    /** The account, named, when the user may see it: the list filtered to its deals. */
    Optional<Option> account(CurrentUser user, UUID accountId) {
        SqlFilter visible = visibility.filter(user, "a", "account");
        return jdbc.sql("select a.id, a.name from accounts a where a.id = :account and " + visible.sql())
                .params(visible.params()).param("account", accountId)
                .query((rs, n) -> new Option(rs.getObject("id", UUID.class), rs.getString("name"))).optional();
    }

    /** The contact, named, when the user may see it: a new deal started from its page. */
    Optional<Option> contact(CurrentUser user, UUID contactId) {
        SqlFilter visible = visibility.filter(user, "c", "contact");
        return jdbc.sql("select c.id, trim(c.first_name || ' ' || c.last_name) as name from contacts c"
                        + " where c.id = :contact and c.erased_at is null and " + visible.sql())
                .params(visible.params()).param("contact", contactId)
                .query((rs, n) -> new Option(rs.getObject("id", UUID.class), rs.getString("name"))).optional();
    }

    /** The contact's first account by name that the user may see: the account of a deal started from the contact. */
    Optional<UUID> accountOf(CurrentUser user, UUID contactId) {
        SqlFilter visible = visibility.filter(user, "a", "account");
        return jdbc.sql("select a.id from contact_accounts ca join accounts a on a.id = ca.account_id"
                        + " where ca.contact_id = :contact and " + visible.sql() + " order by lower(a.name), a.id limit 1")
                .params(visible.params()).param("contact", contactId).query(UUID.class).optional();
    }

    /** Visible contacts of the deal's account (or, without one, the caller's own) that are not on the deal yet. */
    List<Option> contactOptions(CurrentUser user, DealView deal) {
        SqlFilter visible = visibility.filter(user, "c", "contact");
        String scope = deal.accountId() != null
                ? "exists (select 1 from contact_accounts ca where ca.contact_id = c.id and ca.account_id = :account)"
                : "c.owner_id = :me";
        return jdbc.sql("select c.id, trim(c.first_name || ' ' || c.last_name) as name from contacts c where "
                        + scope + " and c.erased_at is null and " + visible.sql()
                        + " and not exists (select 1 from deal_contacts dc where dc.deal_id = :deal and dc.contact_id = c.id)"
                        + " order by lower(c.last_name), lower(c.first_name), c.id limit :limit")
                .params(visible.params())
                .params(Map.of("account", deal.accountId() == null ? UUID.randomUUID() : deal.accountId(),
                        "me", user.id(), "deal", deal.id(), "limit", MAX_OPTIONS))
                .query((rs, n) -> new Option(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    void add(CurrentUser user, UUID dealId, UUID contactId, String role) {
        if (contactId == null) {
            throw new InvalidFieldException("contactId", "Choose a contact");
        }
        DealView deal = deals.get(user, dealId);
        List<DealFields.ContactRole> list = new ArrayList<>(DealService.roles(deal));
        list.removeIf(c -> c.contactId().equals(contactId));
        list.add(new DealFields.ContactRole(contactId, role));
        deals.changeContacts(user, dealId, list);
    }

    void remove(CurrentUser user, UUID dealId, UUID contactId) {
        DealView deal = deals.get(user, dealId);
        List<DealFields.ContactRole> list = new ArrayList<>(DealService.roles(deal));
        list.removeIf(c -> c.contactId().equals(contactId));
        deals.changeContacts(user, dealId, list);
    }
}
