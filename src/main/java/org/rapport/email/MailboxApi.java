package org.rapport.email;

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

/** {@code /api/v1/mailboxes}: the sync status of the IMAP mailboxes the caller may see, and "sync now". */
@RestController
@RequestMapping("/api/v1/mailboxes")
@Tag(name = "Email")
class MailboxApi {

    private final MailboxService mailboxes;

    MailboxApi(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    @GetMapping
    @Operation(summary = "Mailboxes with their sync status, last success, last error and counts",
            description = "Administrators see every mailbox; other users their personal ones. Passwords are never "
                    + "returned.")
    List<Mailbox> list(@AuthenticationPrincipal CurrentUser user) {
        return mailboxes.list(user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mailbox's sync status; 404 for another user's personal mailbox")
    Mailbox get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return mailboxes.get(user, id);
    }

    @PostMapping("/{id}/sync")
    @Operation(summary = "Ask for a sync now (202); poll the mailbox for its outcome")
    ResponseEntity<Mailbox> sync(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        mailboxes.syncNow(user, id);
        return ResponseEntity.accepted().body(mailboxes.get(user, id));
    }
}
