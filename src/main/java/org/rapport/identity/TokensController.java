package org.rapport.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's named API tokens: create (secret shown once), list with last use, revoke. */
@Controller
class TokensController {

    private final ApiTokenService tokens;

    TokensController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("tokens", tokens.list(user));
        model.addAttribute("scopes", availableScopes(user));
        return "identity/tokens";
    }

    @PostMapping("/tokens")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) List<String> scopes, @RequestParam(defaultValue = "90") int days,
                  Model model, RedirectAttributes redirect) {
        try {
            Set<Scope> requested = EnumSet.noneOf(Scope.class);
            if (scopes != null) {
                scopes.forEach(s -> requested.add(Scope.parse(s)));
            }
            ApiTokenService.Issued issued = tokens.issue(user, name, requested, days);
            redirect.addFlashAttribute("issuedToken", issued.token());
            redirect.addFlashAttribute("toast", "Token created. Copy it now: it is shown only once.");
            return "redirect:/tokens";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            model.addAttribute("errors", Map.of("scopes", e.getMessage()));
        }
        model.addAttribute("name", name);
        return list(user, model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(user, id);
        redirect.addFlashAttribute("toast", "Token revoked.");
        return "redirect:/tokens";
    }

    private static List<Scope> availableScopes(CurrentUser user) {
        return EnumSet.allOf(Scope.class).stream()
                .filter(s -> s != Scope.ADMIN || user.isAdmin())
                .filter(s -> s != Scope.WRITE || user.role().canWrite())
                .toList();
    }
}
