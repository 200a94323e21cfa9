package org.rapport.customers;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
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

/** Account pages: list with live search, detail with history, create, edit, share with partners, delete. */
@Controller
@RequestMapping("/accounts")
class AccountController {

    private final AccountService accounts;
    private final UserService users;
    private final AuditService audit;
    private final CustomFieldService customFields;
    private final ListPages listPages;

    AccountController(AccountService accounts, UserService users, AuditService audit, CustomFieldService customFields,
                      ListPages listPages) {
        this.customFields = customFields;
        this.listPages = listPages;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, ListPageQuery query,
                @RequestParam Map<String, String> parameters, HtmxRequest htmx, HttpServletRequest request,
                Model model) {
        ListFilter filter = listPages.filter(RecordList.ACCOUNTS, query, parameters);
        return listPages.render(model, user, RecordList.ACCOUNTS, query, filter,
                accounts.list(user, filter, query.cursor(), ListPages.PAGE), parameters, request, htmx);
    }

    @GetMapping("/new")
    String newAccount(@AuthenticationPrincipal CurrentUser user, Model model) {
        return form(user, model, AccountForm.empty(user.id()), null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute AccountForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            AccountView created = accounts.create(user, form.toFields());
            redirect.addFlashAttribute("toast", "Account " + created.name() + " created.");
            return "redirect:/accounts/" + created.id();
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return form(user, model, form, null);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        AccountView account = accounts.get(user, id);
        model.addAttribute("account", account);
        model.addAttribute("customFieldDefinitions", customFields.definitions(AccountService.TYPE));
        model.addAttribute("contacts", accounts.contacts(user, id));
        model.addAttribute("parent", account.parentAccountId() == null ? null
                : accounts.visibleAmong(user, java.util.List.of(account.parentAccountId())).stream().findFirst().orElse(null));
        model.addAttribute("history", audit.historyWithMerged(AccountService.ref(id), 50));
        java.util.List<UserView> everyone = users.list();
        model.addAttribute("names", everyone.stream()
                .collect(java.util.stream.Collectors.toMap(u -> u.id().toString(), UserView::name)));
        model.addAttribute("sharedWith", accounts.sharedWith(user, id));
        model.addAttribute("partners", everyone.stream()
                .filter(u -> u.active() && u.role() == Role.PARTNER).toList());
        return "customers/account";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        AccountView account = accounts.get(user, id);
        return form(user, model, AccountForm.of(AccountFields.of(account), account.version()), account);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @ModelAttribute AccountForm form,
                  Model model, RedirectAttributes redirect) {
        AccountView account = accounts.get(user, id);
        try {
            accounts.update(user, id, form.version(), form.toFields());
            redirect.addFlashAttribute("toast", "Account saved.");
            return "redirect:/accounts/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        } catch (PreconditionFailedException e) {
            model.addAttribute("errors", Map.of("version",
                    "Someone else saved this account meanwhile. Reload it to see their changes."));
        }
        return form(user, model, form, account);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        AccountView account = accounts.get(user, id);
        accounts.delete(user, id);
        redirect.addFlashAttribute("toast", "Account " + account.name() + " deleted.");
        return "redirect:/accounts";
    }

    @PostMapping("/{id}/shares")
    String share(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                 @RequestParam(required = false) UUID userId, RedirectAttributes redirect) {
        try {
            accounts.share(user, id, userId);
            redirect.addFlashAttribute("toast", "Shared.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/{id}/shares/{userId}/delete")
    String unshare(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId,
                   RedirectAttributes redirect) {
        accounts.unshare(user, id, userId);
        redirect.addFlashAttribute("toast", "No longer shared.");
        return "redirect:/accounts/" + id;
    }

    private String form(CurrentUser user, Model model, AccountForm form, AccountView existing) {
        model.addAttribute("form", form);
        model.addAttribute("customFieldDefinitions", customFields.activeDefinitions(AccountService.TYPE));
        model.addAttribute("parents", accounts.list(user, ListFilter.text(null), null, 200).items().stream()
                .filter(a -> existing == null || !a.id().equals(existing.id())).toList());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("types", RelationshipType.values());
        model.addAttribute("existing", existing);
        model.addAttribute("owners", users.possibleOwners());
        return "customers/account-form";
    }
}
