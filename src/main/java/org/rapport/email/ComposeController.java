package org.rapport.email;

import java.util.Map;
import java.util.UUID;

import org.rapport.customers.ContactView;
import org.rapport.identity.CurrentUser;
import org.rapport.shared.ConflictException;
import org.rapport.shared.InvalidFieldException;
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

/** {@code /contacts/{id}/email}: write an email to a contact from a template, preview it with its fields filled, send. */
@Controller
@RequestMapping("/contacts/{id}/email")
class ComposeController {

    private static final String PAGE = "email/compose";

    private final EmailComposer composer;
    private final EmailTemplateService templates;
    private final SmtpSettingsService settings;

    ComposeController(EmailComposer composer, EmailTemplateService templates, SmtpSettingsService settings) {
        this.composer = composer;
        this.templates = templates;
        this.settings = settings;
    }

    /** The form; with {@code templateId}, the template's subject and text are put in it to edit. */
    @GetMapping
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                @RequestParam(required = false) UUID templateId, @RequestParam(required = false) String to,
                Model model) {
        EmailComposer.Draft draft = new EmailComposer.Draft(to, templateId, "", "");
        if (templateId != null) {
            EmailTemplate template = templates.get(templateId);
            draft = new EmailComposer.Draft(to, templateId, template.subject(), template.body());
        }
        return page(user, id, draft, model);
    }

    @PostMapping("/preview")
    String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                   @ModelAttribute EmailComposer.Draft draft, HtmxRequest htmx, Model model) {
        try {
            model.addAttribute("preview", composer.preview(user, id, draft));
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        } catch (ConflictException e) {
            model.addAttribute("error", e.getMessage());
        }
        if (htmx.isHtmxRequest() && !htmx.isBoosted()) {
            model.addAttribute("previewOnly", true);
            return PAGE + " :: preview";
        }
        return page(user, id, draft, model);
    }

    @PostMapping
    String send(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                @ModelAttribute EmailComposer.Draft draft, Model model, RedirectAttributes redirect) {
        try {
            composer.send(user, id, draft);
            redirect.addFlashAttribute("toast", "Email sent and logged on the timeline.");
            return "redirect:/contacts/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        } catch (ConflictException | MailDeliveryException e) {
            model.addAttribute("error", "Not sent: " + e.getMessage());
        }
        return page(user, id, draft, model);
    }

    private String page(CurrentUser user, UUID id, EmailComposer.Draft draft, Model model) {
        ContactView contact = composer.contact(user, id);
        model.addAttribute("contact", contact);
        model.addAttribute("refusal", EmailComposer.refusal(contact));
        model.addAttribute("draft", draft);
        model.addAttribute("to", draft.to() == null || draft.to().isBlank() ? contact.primaryEmail() : draft.to());
        model.addAttribute("templates", templates.list());
        model.addAttribute("senderReady", settings.current().usable());
        model.addAttribute("mergeFields", MergeFields.KNOWN);
        return PAGE;
    }
}
