package org.rapport.interactions;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page choosing which call outcomes count as successful. */
@Controller
@RequestMapping("/admin/call-outcomes")
class AdminCallOutcomesController {

    private final CallOutcomeSettings settings;

    AdminCallOutcomesController(CallOutcomeSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("outcomes", CallOutcome.values());
        model.addAttribute("successful", settings.successful());
        return "interactions/admin-call-outcomes";
    }

    @PostMapping
    String save(@AuthenticationPrincipal CurrentUser admin,
                @RequestParam(name = "outcomes", required = false) List<CallOutcome> outcomes, Model model,
                RedirectAttributes redirect) {
        Set<CallOutcome> chosen = outcomes == null ? EnumSet.noneOf(CallOutcome.class) : EnumSet.copyOf(outcomes);
        try {
            settings.change(admin, chosen);
        } catch (InvalidFieldException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("outcomes", CallOutcome.values());
            model.addAttribute("successful", chosen);
            return "interactions/admin-call-outcomes";
        }
        redirect.addFlashAttribute("toast", "Saved.");
        return "redirect:/admin/call-outcomes";
    }
}
