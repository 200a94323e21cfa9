package org.rapport.sales;

import java.util.UUID;

import org.rapport.identity.CurrentUser;
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

/** {@code /admin/lead-scoring}: the lead scoring rules. */
@Controller
@RequestMapping("/admin/lead-scoring")
class ScoringAdminController {

    private final ScoringRules rules;

    ScoringAdminController(ScoringRules rules) {
        this.rules = rules;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("fields", ScoringRule.Field.values());
        model.addAttribute("behaviours", ScoringRule.Behaviour.values());
        return "sales/admin-lead-scoring";
    }

    @PostMapping
    String add(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) String target,
               @RequestParam(required = false) String value, @RequestParam(required = false) Integer points,
               Model model, RedirectAttributes redirect) {
        try {
            rules.add(admin, target, value, points);
        } catch (InvalidFieldException e) {
            model.addAttribute("error", e.getMessage());
            return show(model);
        }
        redirect.addFlashAttribute("toast", "Rule added; open leads were scored again.");
        return "redirect:/admin/lead-scoring";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        rules.delete(admin, id);
        redirect.addFlashAttribute("toast", "Rule removed; open leads were scored again.");
        return "redirect:/admin/lead-scoring";
    }
}
