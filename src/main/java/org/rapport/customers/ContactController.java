package org.rapport.customers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.platform.AuditService;
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

    private final ContactService contacts;
    private final AccountService accounts;
    private final UserService users;
    private final AuditService audit;
    private final CustomFieldService customFields;
    private final ListPages listPages;

    ContactController(ContactService contacts, AccountService accounts, UserService users, AuditService audit,
                      CustomFieldService customFields, ListPages listPages) {
        this.customFields = customFields;
        this.listPages = listPages;
        this.contacts = contacts;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, ListPageQuery query,
                @RequestParam Map<String, String> parameters, HtmxRequest htmx, HttpServletRequest request,
                Model model) {
        ListFilter filter = listPages.filter(RecordList.CONTACTS, query, parameters);
        ContactSort order = query.sort() == null ? ContactSort.NAME : query.sort();
        model.addAttribute("sort", order);
        return listPages.render(model, user, RecordList.CONTACTS, query, filter,
                contacts.list(user, filter, order, query.cursor(), ListPages.PAGE), parameters, request, htmx);
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
