package org.rapport.email;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.ConflictException;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** {@code /mailboxes}: the IMAP mailboxes a user may see, their sync status, "sync now", add, edit and remove. */
@Controller
@RequestMapping("/mailboxes")
class MailboxController {

    private static final String PAGE = "email/mailbox";

    private final MailboxService mailboxes;

    MailboxController(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("mailboxes", mailboxes.list(user));
        return "email/mailboxes";
    }

    @GetMapping("/new")
    String newMailbox(Model model) {
        return form(model, null, new MailboxService.Form("", "", 993, true, "", "", "INBOX", true, false, 0));
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute MailboxService.Form form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            requirePort(binding);
            UUID id = mailboxes.create(user, form);
            redirect.addFlashAttribute("toast", "Mailbox added; the first sync starts now.");
            return "redirect:/mailboxes/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return form(model, null, form);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        Mailbox m = mailboxes.get(user, id);
        return form(model, m, new MailboxService.Form(m.name(), m.host(), m.port(), m.ssl(), m.username(), "",
                m.folder(), m.enabled(), m.shared(), m.version()));
    }

    /** The status card alone, which the page polls while a sync is queued or running. */
    @GetMapping("/{id}/status")
    String status(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("mailbox", mailboxes.get(user, id));
        return PAGE + " :: status";
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                  @ModelAttribute MailboxService.Form form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Mailbox current = mailboxes.get(user, id);
        try {
            requirePort(binding);
            mailboxes.update(user, id, form);
            redirect.addFlashAttribute("toast", "Mailbox saved.");
            return "redirect:/mailboxes/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return form(model, current, form);
        } catch (ConflictException e) {
            model.addAttribute("error", e.getMessage());
            return show(user, id, model);
        }
    }

    @PostMapping("/{id}/sync")
    String syncNow(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HtmxRequest htmx, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        String message = "Sync started.";
        try {
            mailboxes.syncNow(user, id);
        } catch (ConflictException e) {
            message = e.getMessage();
        }
        if (htmx.isHtmxRequest() && !htmx.isBoosted()) {
            response.setHeader("HX-Trigger", "{\"toast\": \"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return status(user, id, model);
        }
        redirect.addFlashAttribute("toast", message);
        return "redirect:/mailboxes/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        mailboxes.delete(user, id);
        redirect.addFlashAttribute("toast", "Mailbox removed; what it logged stays on the timelines.");
        return "redirect:/mailboxes";
    }

    private static void requirePort(BindingResult binding) {
        if (binding.hasFieldErrors("port")) {
            throw new InvalidFieldException("port", "Use a port from 1 to 65535");
        }
    }

    private static String form(Model model, Mailbox mailbox, MailboxService.Form form) {
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("form", form);
        return PAGE;
    }
}
