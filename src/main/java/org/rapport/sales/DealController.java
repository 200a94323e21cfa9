package org.rapport.sales;

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
import org.springframework.beans.factory.annotation.Value;
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

/** Deal pages: the list with filters, the deal page (form, contacts with roles, stage history, history), new deal. */
@Controller
@RequestMapping("/deals")
class DealController {

    private static final int PAGE = 50;

    private final DealService deals;
    private final PipelineService pipelines;
    private final DealContacts contacts;
    private final UserService users;
    private final AuditService audit;
    private final String defaultCurrency;

    DealController(DealService deals, PipelineService pipelines, DealContacts contacts, UserService users,
                   AuditService audit, @Value("${rapport.currency:USD}") String defaultCurrency) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.contacts = contacts;
        this.users = users;
        this.audit = audit;
        this.defaultCurrency = defaultCurrency;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") DealFilterForm filter,
                @RequestParam(required = false) String cursor, Model model) {
        CursorPage<DealView> page = deals.list(user, filter.filter(filter.pipeline()), cursor, PAGE);
        model.addAttribute("deals", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("pipelines", pipelines.list());
        model.addAttribute("owners", users.possibleOwners());
        model.addAttribute("departments", users.departments());
        model.addAttribute("statuses", DealStatus.values());
        model.addAttribute("ofAccount", filter.account() == null ? null
                : contacts.account(user, filter.account()).orElse(null));
        return "sales/deals";
    }

    /** A blank deal, or one started from an account's or a contact's page (then on the contact's account). */
    @GetMapping("/new")
    String newDeal(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID pipeline,
                   @RequestParam(required = false) UUID accountId, @RequestParam(required = false) UUID contactId,
                   Model model) {
        PipelineView p = pipeline == null ? pipelines.defaultPipeline() : pipelines.get(pipeline);
        UUID contact = contactId == null ? null : contacts.contact(user, contactId).map(DealContacts.Option::id)
                .orElse(null);
        UUID account = accountId != null || contact == null ? accountId : contacts.accountOf(user, contact).orElse(null);
        return form(user, model, DealForm.blank(p.stages().getFirst().id(), user.id(), defaultCurrency, account,
                contact), null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute DealForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            DealView created = deals.create(user, form.fields(null));
            redirect.addFlashAttribute("toast", "Deal " + created.name() + " created.");
            return "redirect:/deals/" + created.id();
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return form(user, model, form, null);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        DealView deal = deals.get(user, id);
        return form(user, model, DealForm.of(deal), deal);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @ModelAttribute DealForm form,
                  Model model, RedirectAttributes redirect) {
        DealView deal = deals.get(user, id);
        try {
            deals.update(user, id, form.version(), form.fields(deal));
            redirect.addFlashAttribute("toast", "Deal saved.");
            return "redirect:/deals/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        } catch (PreconditionFailedException e) {
            model.addAttribute("errors", Map.of("version",
                    "Someone else saved this deal meanwhile. Reload it to see their changes."));
        }
        return form(user, model, form, deal);
    }

    @PostMapping("/{id}/contacts")
    String addContact(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                      @RequestParam(required = false) UUID contactId, @RequestParam(required = false) String role,
                      RedirectAttributes redirect) {
        try {
            contacts.add(user, id, contactId, role);
            redirect.addFlashAttribute("toast", "Contact added.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return "redirect:/deals/" + id;
    }

    @PostMapping("/{id}/contacts/{contactId}/remove")
    String removeContact(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                         @PathVariable UUID contactId, RedirectAttributes redirect) {
        contacts.remove(user, id, contactId);
        redirect.addFlashAttribute("toast", "Contact removed.");
        return "redirect:/deals/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        DealView deal = deals.get(user, id);
        deals.delete(user, id);
        redirect.addFlashAttribute("toast", "Deal " + deal.name() + " deleted.");
        return "redirect:/deals";
    }

    private String form(CurrentUser user, Model model, DealForm form, DealView deal) {
        model.addAttribute("form", form);
        model.addAttribute("deal", deal);
        model.addAttribute("pageTitle", deal == null ? "New deal" : deal.name());
        model.addAttribute("pipelines", pipelines.list());
        List<UserView> everyone = users.list();
        model.addAttribute("owners", users.possibleOwners());
        model.addAttribute("accounts", contacts.accountOptions(user, form.accountId()));
        model.addAttribute("withContact", deal != null || form.contactId() == null ? null
                : contacts.contact(user, form.contactId()).orElse(null));
        if (deal != null) {
            model.addAttribute("stays", deals.stageHistory(user, deal.id()));
            model.addAttribute("contactOptions", contacts.contactOptions(user, deal));
            model.addAttribute("history", audit.history(DealService.ref(deal.id()), 50));
            model.addAttribute("names", everyone.stream()
                    .collect(Collectors.toMap(u -> u.id().toString(), UserView::name)));
        }
        return "sales/deal";
    }
}
