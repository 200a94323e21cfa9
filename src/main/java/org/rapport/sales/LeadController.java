package org.rapport.sales;

import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.UserService;
import org.rapport.shared.ConflictException;
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

/** The lead pages: list with filters (the rows alone for htmx), new lead, detail with score reasons and conversion. */
@Controller
@RequestMapping("/leads")
class LeadController {

    /** The new-lead and edit form. */
    record LeadForm(String firstName, String lastName, String email, String phone, String company, String title,
                    String country, LeadSource source, LeadStatus status, String disqualifiedReason, UUID ownerId) {

        static LeadForm empty() {
            return new LeadForm(null, null, null, null, null, null, null, LeadSource.OTHER, LeadStatus.NEW, null, null);
        }

        static LeadForm of(LeadView l) {
            return new LeadForm(l.firstName(), l.lastName(), l.email(), l.phone(), l.company(), l.title(), l.country(),
                    l.source(), l.status(), l.disqualifiedReason(), l.ownerId());
        }

        LeadFields fields(UUID departmentId) {
            return new LeadFields(firstName, lastName, email, phone, company, title, country, source, null, status,
                    disqualifiedReason, ownerId, departmentId);
        }
    }

    private final LeadService leads;
    private final LeadConversion conversion;
    private final LeadScoring scoring;
    private final UserService users;

    LeadController(LeadService leads, LeadConversion conversion, LeadScoring scoring, UserService users) {
        this.leads = leads;
        this.conversion = conversion;
        this.scoring = scoring;
        this.users = users;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) LeadStatus status,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean queued,
                @RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
        CursorPage<LeadView> page = leads.list(user, new LeadFilter(status, null, null, null, queued,
                q == null || q.isBlank() ? null : q.strip()), cursor, 50);
        model.addAttribute("page", page);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("queued", queued);
        model.addAttribute("statuses", LeadStatus.values());
        return htmx.isHtmxRequest() && cursor != null ? "sales/leads :: rows" : "sales/leads";
    }

    @GetMapping("/new")
    String newLead(Model model) {
        return form(model, LeadForm.empty(), null, null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute LeadForm form,
                  @RequestParam(defaultValue = "false") boolean allowDuplicate, Model model,
                  RedirectAttributes redirect) {
        try {
            LeadView created = leads.create(user, form.fields(null), allowDuplicate);
            redirect.addFlashAttribute("toast", "Lead created.");
            return "redirect:/leads/" + created.id();
        } catch (InvalidFieldException e) {
            return form(model, form, null, e);
        } catch (ConflictException e) {
            model.addAttribute("duplicate", e.getMessage());
            return form(model, form, null, null);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        LeadView lead = leads.get(user, id);
        model.addAttribute("lead", lead);
        model.addAttribute("reasons", scoring.reasons(lead));
        return "sales/lead";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        LeadView lead = leads.get(user, id);
        return form(model, LeadForm.of(lead), lead, null);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @ModelAttribute LeadForm form,
                  @RequestParam int version, Model model, RedirectAttributes redirect) {
        LeadView lead = leads.get(user, id);
        try {
            leads.update(user, id, version, form.fields(lead.departmentId()));
        } catch (InvalidFieldException e) {
            return form(model, form, lead, e);
        } catch (PreconditionFailedException | ConflictException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
            return "redirect:/leads/" + id;
        }
        redirect.addFlashAttribute("toast", "Saved.");
        return "redirect:/leads/" + id;
    }

    @PostMapping("/{id}/convert")
    String convert(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                   @RequestParam(defaultValue = "false") boolean noAccount, RedirectAttributes redirect) {
        try {
            LeadView lead = conversion.convert(user, id, new LeadConversion.Request(null, null, noAccount, null));
            redirect.addFlashAttribute("toast", "Converted: its timeline and tasks moved to the contact.");
            return "redirect:/contacts/" + lead.convertedContactId();
        } catch (ConflictException | InvalidFieldException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
            return "redirect:/leads/" + id;
        }
    }

    private String form(Model model, LeadForm form, LeadView lead, InvalidFieldException error) {
        model.addAttribute("form", form);
        model.addAttribute("lead", lead);
        model.addAttribute("pageTitle", lead == null ? "New lead" : "Edit " + lead.name());
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("statuses", java.util.Arrays.stream(LeadStatus.values())
                .filter(s -> s != LeadStatus.CONVERTED).toList());
        model.addAttribute("owners", users.possibleOwners());
        model.addAttribute("errorField", error == null ? null : error.field());
        model.addAttribute("error", error == null ? null : error.getMessage());
        return "sales/lead-form";
    }
}
