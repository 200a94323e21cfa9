package org.rapport.identity;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (the form posts to Spring Security's {@code POST /login}). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal CurrentUser user) {
        return user != null ? "redirect:/" : "identity/login";
    }
}
