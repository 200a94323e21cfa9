package org.rapport.email;

import java.net.URI;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.interactions.InteractionView;
import org.rapport.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/contacts/{id}/emails}: send an email to a contact through the shared sender and log it. */
@RestController
@Tag(name = "Email")
class ContactEmailApi {

    /** The email to send; {@code to} is one of the contact's addresses (default: the primary one). */
    record EmailRequest(String to, UUID templateId, String subject, String body) {
    }

    private final EmailComposer composer;

    ContactEmailApi(EmailComposer composer) {
        this.composer = composer;
    }

    @PostMapping("/api/v1/contacts/{id}/emails")
    @Operation(summary = "Send an email to a contact and log it on the timeline (EMAIL, OUTBOUND, source SMTP)",
            description = "With templateId, the template's subject and body fill whichever of subject and body are "
                    + "blank. Merge fields {{contact.firstName}}, {{contact.lastName}}, {{account.name}} and "
                    + "{{user.name}} are filled; unknown ones stay as typed. 404 when the contact is not visible, "
                    + "409 when it asked not to be emailed or has no address, 503 when no sender is set up, 502 when "
                    + "the mail server refused.")
    ResponseEntity<InteractionView> send(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                         @RequestBody EmailRequest request) {
        InteractionView sent = composer.send(user, id,
                new EmailComposer.Draft(request.to(), request.templateId(), request.subject(), request.body()));
        return ResponseEntity.created(URI.create("/api/v1/interactions/" + sent.id())).body(sent);
    }

    @ExceptionHandler(MailDeliveryException.class)
    ResponseEntity<ProblemDetail> notSent(MailDeliveryException e) {
        HttpStatus status = SmtpSender.NOT_SET_UP.equals(e.getMessage()) ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.BAD_GATEWAY;
        return ResponseEntity.status(status).body(Problems.of(status, e.getMessage()));
    }
}
