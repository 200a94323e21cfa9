package org.rapport.customers;

import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The privacy pieces of the contact page: the consent-history fragment and the erase button's action. */
@Controller
@RequestMapping("/contacts/{id}")
class ContactPrivacyController {

    private final ContactPrivacyService privacy;

    ContactPrivacyController(ContactPrivacyService privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/consent-history")
    String consentHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("consentEvents", privacy.consentHistory(user, id));
        return "customers/contact-privacy :: consent-events";
    }

    @PostMapping("/erase")
    String erase(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        privacy.erase(user, id);
        redirect.addFlashAttribute("toast", "The contact's personal data was erased.");
        return "redirect:/contacts";
    }
}
