package org.rapport.email;

import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.ConflictException;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/email/templates}: list, create, edit and delete email templates. */
@Controller
@RequestMapping("/admin/email/templates")
class AdminEmailTemplatesController {

    private static final String LIST = "redirect:/admin/email/templates";

    private final EmailTemplateService templates;

    AdminEmailTemplatesController(EmailTemplateService templates) {
        this.templates = templates;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", templates.list());
        return "email/admin-templates";
    }

    @GetMapping("/new")
    String newTemplate(Model model) {
        return form(model, new EmailTemplate(null, "", "", "", null, 0));
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
                  Model model, RedirectAttributes redirect) {
        try {
            templates.create(admin, name, subject, body);
            redirect.addFlashAttribute("toast", "Template " + name.strip() + " created.");
            return LIST;
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return form(model, new EmailTemplate(null, name, subject, body, null, 0));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return form(model, templates.get(id));
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String subject,
                  @RequestParam(defaultValue = "") String body, @RequestParam int version, Model model,
                  RedirectAttributes redirect) {
        try {
            templates.update(admin, id, version, name, subject, body);
            redirect.addFlashAttribute("toast", "Template " + name.strip() + " saved.");
            return LIST;
        } catch (InvalidFieldException | ConflictException e) {
            model.addAttribute("errors", Map.of(e instanceof InvalidFieldException f ? f.field() : "name",
                    e.getMessage()));
            return form(model, new EmailTemplate(id, name, subject, body, null, version));
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        templates.delete(admin, id);
        redirect.addFlashAttribute("toast", "Template deleted.");
        return LIST;
    }

    private static String form(Model model, EmailTemplate template) {
        model.addAttribute("template", template);
        model.addAttribute("mergeFields", MergeFields.KNOWN);
        return "email/admin-template-form";
    }
}
