package org.rapport.identity;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: who you are, what you can see, where to go. */
@Controller
class HomeController {

    private final UserService users;
    private final OrgSettingsService settings;

    HomeController(UserService users, OrgSettingsService settings) {
        this.users = users;
        this.settings = settings;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("profile", users.find(user.id()).orElseThrow());
        model.addAttribute("visibility", describeVisibility(user, settings.visibilityScope()));
        return "home";
    }

    static String describeVisibility(CurrentUser user, VisibilityScope scope) {
        return switch (user.role()) {
            case ADMIN -> "As an administrator you see every record.";
            case PARTNER -> "As a partner you see only the records shared with you.";
            case MANAGER -> "You see your own records, those of the departments you head, and "
                    + switch (scope) {
                        case OWN -> "nothing more.";
                        case DEPARTMENT -> "those of your own department.";
                        case ALL -> "everyone's.";
                    };
            default -> switch (scope) {
                case OWN -> "You see the records you own.";
                case DEPARTMENT -> "You see the records you own and those of your department.";
                case ALL -> "You see every record.";
            };
        };
    }
}
