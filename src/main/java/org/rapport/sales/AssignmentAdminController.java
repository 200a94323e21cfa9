package org.rapport.sales;

import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.UserService;
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

/** {@code /admin/lead-assignment}: the ordered lead assignment rules. */
@Controller
@RequestMapping("/admin/lead-assignment")
class AssignmentAdminController {

    private final AssignmentRules rules;
    private final UserService users;

    AssignmentAdminController(AssignmentRules rules, UserService users) {
        this.rules = rules;
        this.users = users;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("kinds", AssignmentRule.Kind.values());
        model.addAttribute("departments", users.departments());
        model.addAttribute("users", users.possibleOwners());
        return "sales/admin-lead-assignment";
    }

    @PostMapping
    String add(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) AssignmentRule.Kind kind,
               @RequestParam(required = false) String matchValue, @RequestParam(required = false) UUID departmentId,
               @RequestParam(required = false) UUID userId, Model model, RedirectAttributes redirect) {
        try {
            rules.add(admin, kind, matchValue, departmentId, userId);
        } catch (InvalidFieldException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return show(model);
        }
        redirect.addFlashAttribute("toast", "Rule added.");
        return "redirect:/admin/lead-assignment";
    }

    @PostMapping("/{id}/move")
    String move(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam boolean up) {
        rules.move(admin, id, up);
        return "redirect:/admin/lead-assignment";
    }

    @PostMapping("/{id}/active")
    String active(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam boolean active) {
        rules.setActive(admin, id, active);
        return "redirect:/admin/lead-assignment";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        rules.delete(admin, id);
        redirect.addFlashAttribute("toast", "Rule removed.");
        return "redirect:/admin/lead-assignment";
    }
}
