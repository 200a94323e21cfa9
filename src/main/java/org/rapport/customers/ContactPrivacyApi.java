package org.rapport.customers;

import java.util.List;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/contacts/{id}/...}: consent history, personal-data export and erasure. */
@RestController
@RequestMapping("/api/v1/contacts/{id}")
@Tag(name = "Contacts")
class ContactPrivacyApi {

    private final ContactPrivacyService privacy;

    ContactPrivacyApi(ContactPrivacyService privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/consent-history")
    @Operation(summary = "Every change of the contact's consent, oldest first")
    List<ConsentEvent> consentHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return privacy.consentHistory(user, id);
    }

    @GetMapping("/personal-data")
    @Operation(summary = "Everything held about the contact (admin or owner)",
            description = "Fields, emails, phones, accounts, consent history, partners it is shared with, and the audit "
                    + "history including that of the contacts merged into it.")
    PersonalData personalData(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return privacy.personalData(user, id);
    }

    @PostMapping("/erase")
    @Operation(summary = "Erase the contact's personal data (admin or owner)",
            description = "Names become \"Erased contact\"; emails, phones, address, title, preferences, tags and custom "
                    + "fields are removed, and so are their values in the contact's audit entries. The record, its "
                    + "account links, owner and consent history (without personal values) stay. Afterwards the "
                    + "contact answers 404.")
    ResponseEntity<Void> erase(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        privacy.erase(user, id);
        return ResponseEntity.noContent().build();
    }
}
