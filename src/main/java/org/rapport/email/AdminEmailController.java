package org.rapport.email;

import java.util.List;
import java.util.Map;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.ConflictException;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/email}: the shared SMTP sender's settings and a test mail. */
@Controller
class AdminEmailController {

    private final SmtpSettingsService settings;
    private final SmtpSender sender;

    AdminEmailController(SmtpSettingsService settings, SmtpSender sender) {
        this.settings = settings;
        this.sender = sender;
    }

    @GetMapping("/admin/email")
    String show(@AuthenticationPrincipal CurrentUser admin, Model model) {
        SmtpSettings current = settings.current();
        return page(model, current, admin.email());
    }

    @PostMapping("/admin/email")
    String save(@AuthenticationPrincipal CurrentUser admin, @ModelAttribute("form") SmtpSettingsService.Form form,
                BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasFieldErrors("port")) {
            return invalid(model, form, admin, new InvalidFieldException("port", "Use a port from 1 to 65535"));
        }
        try {
            settings.save(admin, form);
            redirect.addFlashAttribute("toast", "Email sender saved.");
            return "redirect:/admin/email";
        } catch (InvalidFieldException e) {
            return invalid(model, form, admin, e);
        } catch (ConflictException e) {
            model.addAttribute("error", e.getMessage());
            return page(model, settings.current(), admin.email());
        }
    }

    @PostMapping("/admin/email/test")
    String test(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "") String testTo,
                RedirectAttributes redirect) {
        try {
            String to = Fields.email("testTo", testTo, true);
            sender.send(new SmtpSender.Outgoing(SmtpSender.newMessageId(settings.current()), List.of(to),
                    "Rapport test email", "This is a test email from Rapport. The email sender works.", null));
            redirect.addFlashAttribute("toast", "Test email sent to " + to + ".");
        } catch (InvalidFieldException | MailDeliveryException e) {
            redirect.addFlashAttribute("testError", "Test email not sent: " + e.getMessage());
        }
        return "redirect:/admin/email";
    }

    private String invalid(Model model, SmtpSettingsService.Form form, CurrentUser admin, InvalidFieldException e) {
        SmtpSettings current = settings.current();
        model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        return page(model, new SmtpSettings(form.host(), form.port() == null ? current.port() : form.port(),
                form.security() == null ? current.security() : form.security(), form.username(),
                current.passwordSet(), form.fromAddress(), form.fromName(), form.enabled(), current.updatedAt(),
                form.version()), admin.email());
    }

    private static String page(Model model, SmtpSettings current, String testTo) {
        model.addAttribute("smtp", current);
        model.addAttribute("securities", SmtpSecurity.values());
        model.addAttribute("testTo", testTo);
        return "email/admin-email";
    }
}
