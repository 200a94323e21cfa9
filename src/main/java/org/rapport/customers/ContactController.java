package org.rapport.customers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.platform.AuditService;
import org.rapport.shared.CursorPage;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.PreconditionFailedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** Contact pages: list with live search and filters, detail with history, create and edit with a duplicate warning. */
@Controller
@RequestMapping("/contacts")
class ContactController {

    private static final int PAGE = 50;

    private final ContactService contacts;
    private final AccountService accounts;
    private final UserService users;
    private final AuditService audit;
    private final CustomFieldService customFields;
    private final SavedViewService savedViews;
    private final ContactBulkActions bulkActions;

    ContactController(ContactService contacts, AccountService accounts, UserService users, AuditService audit,
                      CustomFieldService customFields, SavedViewService savedViews, ContactBulkActions bulkActions) {
        this.customFields = customFields;
        this.savedViews = savedViews;
        this.bulkActions = bulkActions;
        this.contacts = contacts;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
                @RequestParam(required = false) UUID ownerId,
                @RequestParam(required = false) RelationshipType relationshipType,
                @RequestParam(required = false) LifecycleStage lifecycleStage,
                @RequestParam(required = false) String tag, @RequestParam(required = false) ContactSort sort,
                @RequestParam(required = false) List<String> columns, @RequestParam(required = false) String cursor,
                @RequestParam Map<String, String> parameters, HtmxRequest htmx,
                jakarta.servlet.http.HttpServletRequest request, Model model) {
        String search = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
        String tagFilter = tag == null || tag.isBlank() ? null : tag.strip();
        ListFilter filter = new ListFilter(search, ownerId, relationshipType, lifecycleStage, tagFilter, null,
                customFields.filters(ContactService.TYPE, parameters));
        ContactSort order = sort == null ? ContactSort.NAME : sort;
        List<CustomFieldDefinition> definitions = customFields.activeDefinitions(ContactService.TYPE);
        CursorPage<ContactView> page = contacts.list(user, filter, order, cursor, PAGE);
        model.addAttribute("page", page);
        model.addAttribute("nextUrl", page.nextCursor() == null ? null
                : org.springframework.web.util.UriComponentsBuilder.fromPath("/contacts").query(request.getQueryString())
                        .replaceQueryParam("cursor", page.nextCursor()).build().toUriString());
        model.addAttribute("filterFields", definitions.stream()
                .filter(d -> d.type() == CustomFieldType.SELECT || d.type() == CustomFieldType.MULTI_SELECT
                        || d.type() == CustomFieldType.BOOLEAN).toList());
        model.addAttribute("customFilter", parameters);
        model.addAttribute("filter", filter);
        model.addAttribute("sort", order);
        model.addAttribute("columns", ContactColumns.chosen(columns, definitions));
        model.addAttribute("allColumns", ContactColumns.all(definitions));
        model.addAttribute("views", savedViews.visibleTo(user, ContactService.TYPE));
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("owners", owners());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("types", RelationshipType.values());
        return htmx.isHtmxRequest() && !htmx.isBoosted() ? "customers/contacts :: rows" : "customers/contacts";
    }

    @PostMapping("/views")
    String saveView(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String viewName,
                    @RequestParam(defaultValue = "false") boolean shared, @RequestParam(defaultValue = "") String query,
                    RedirectAttributes redirect) {
        try {
            savedViews.save(user, ContactService.TYPE, viewName, shared, query);
            redirect.addFlashAttribute("toast", "View " + viewName.strip() + " saved.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return backToList(query);
    }

    /** Back to the list as it was; a query string that is not plain URL text is dropped rather than echoed. */
    private static String backToList(String query) {
        boolean plain = query != null && query.matches("[A-Za-z0-9\\-._~%&=+,;:@!*'()\\[\\]]*");
        return "redirect:/contacts" + (plain && !query.isEmpty() ? "?" + query : "");
    }

    @GetMapping("/views/{viewId}")
    String openView(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID viewId) {
        return backToList(savedViews.get(user, viewId).query());
    }

    @PostMapping("/views/{viewId}/delete")
    String deleteView(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID viewId, RedirectAttributes redirect) {
        savedViews.delete(user, viewId);
        redirect.addFlashAttribute("toast", "View deleted.");
        return "redirect:/contacts";
    }

    @PostMapping("/bulk")
    String bulk(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) List<UUID> ids,
                @RequestParam(defaultValue = "") String action, @RequestParam(required = false) UUID bulkOwnerId,
                @RequestParam(required = false) String bulkTag, @RequestParam(defaultValue = "") String query,
                RedirectAttributes redirect) {
        try {
            ContactBulkActions.Outcome outcome = switch (action) {
                case "assign" -> bulkActions.assignOwner(user, ids, bulkOwnerId);
                case "tag" -> bulkActions.addTag(user, ids, bulkTag);
                case "delete" -> bulkActions.delete(user, ids);
                default -> throw new InvalidFieldException("action", "Choose what to do with the selected contacts");
            };
            redirect.addFlashAttribute("toast", outcome.done() + " contact(s) done"
                    + (outcome.skipped() > 0 ? ", " + outcome.skipped() + " skipped (not visible or changed meanwhile)" : "") + ".");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return backToList(query);
    }

    @GetMapping("/new")
    String newContact(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID accountId,
                      Model model) {
        ContactForm form = ContactForm.empty(user.id());
        if (accountId != null) {
            accounts.get(user, accountId);
            form = new ContactForm("", "", "", form.emails(), form.phones(), List.of(accountId), form.relationshipTypes(),
                    null, "", null, "", "", false, false, false, "", "", "", "", "", user.id(), "", Map.of(), null);
        }
        return form(user, model, form, null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute ContactForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            ContactView created = contacts.create(user, form.toRequest(Map.of()));
            redirect.addFlashAttribute("toast", "Contact " + created.displayName() + " created.");
            return "redirect:/contacts/" + created.id();
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return form(user, model, form.padded(), null);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ContactView contact = contacts.get(user, id);
        model.addAttribute("contact", contact);
        model.addAttribute("customFieldDefinitions", customFields.definitions(ContactService.TYPE));
        List<AccountView> visibleAccounts = accounts.visibleAmong(user, contact.accountIds());
        model.addAttribute("accounts", visibleAccounts);
        model.addAttribute("hiddenAccounts", contact.accountIds().size() - visibleAccounts.size());
        model.addAttribute("history", audit.historyWithMerged(ContactService.ref(id), 50));
        model.addAttribute("names", users.list().stream().collect(Collectors.toMap(u -> u.id().toString(), UserView::name)));
        return "customers/contact";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ContactView contact = contacts.get(user, id);
        return form(user, model, ContactForm.of(contact), contact);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @ModelAttribute ContactForm form,
                  Model model, RedirectAttributes redirect) {
        ContactView contact = contacts.get(user, id);
        try {
            contacts.update(user, id, form.version(), form.toRequest(contact.accountRoles()));
            redirect.addFlashAttribute("toast", "Contact saved.");
            return "redirect:/contacts/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        } catch (PreconditionFailedException e) {
            model.addAttribute("errors", Map.of("version",
                    "Someone else saved this contact meanwhile. Reload it to see their changes."));
        }
        return form(user, model, form.padded(), contact);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        ContactView contact = contacts.get(user, id);
        contacts.delete(user, id);
        redirect.addFlashAttribute("toast", "Contact " + contact.displayName() + " deleted.");
        return "redirect:/contacts";
    }

    private String form(CurrentUser user, Model model, ContactForm form, ContactView existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("customFieldDefinitions", customFields.activeDefinitions(ContactService.TYPE));
        model.addAttribute("owners", owners());
        model.addAttribute("accountChoices", accounts.list(user, ListFilter.text(null), null, 200).items());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("types", RelationshipType.values());
        model.addAttribute("channels", ContactChannel.values());
        model.addAttribute("emailTypes", EmailType.values());
        model.addAttribute("phoneTypes", PhoneType.values());
        return "customers/contact-form";
    }

    private List<UserView> owners() {
        return users.possibleOwners();
    }
}
