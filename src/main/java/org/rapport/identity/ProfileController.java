package org.rapport.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own profile and password change. */
@Controller
class ProfileController {

    private final UserService users;

    ProfileController(UserService users) {
        this.users = users;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("profile", users.find(user.id()).orElseThrow());
        return "identity/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user, @RequestParam String currentPassword,
                          @RequestParam String newPassword, @RequestParam String confirmPassword,
                          HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            users.changePassword(user, currentPassword, newPassword, confirmPassword);
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return profile(user, model);
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        redirect.addFlashAttribute("toast", "Your password was changed.");
        return "redirect:/profile";
    }
}
