package org.rapport.identity;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for organization settings: record visibility of internal users. */
@Controller
class AdminSettingsController {

    private final OrgSettingsService settings;

    AdminSettingsController(OrgSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/admin/settings")
    String show(Model model) {
        model.addAttribute("visibilityScope", settings.visibilityScope());
        model.addAttribute("scopes", VisibilityScope.values());
        return "identity/admin-settings";
    }

    @PostMapping("/admin/settings")
    String save(@AuthenticationPrincipal CurrentUser admin, @RequestParam VisibilityScope visibilityScope,
                RedirectAttributes redirect) {
        settings.setVisibilityScope(admin, visibilityScope);
        redirect.addFlashAttribute("toast", "Settings saved.");
        return "redirect:/admin/settings";
    }
}
