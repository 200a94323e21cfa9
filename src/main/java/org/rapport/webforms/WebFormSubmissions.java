package org.rapport.webforms;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.rapport.customers.ContactIntake;
import org.rapport.interactions.BodyFormat;
import org.rapport.interactions.Direction;
import org.rapport.interactions.InteractionService;
import org.rapport.interactions.InteractionSource;
import org.rapport.interactions.InteractionType;
import org.rapport.interactions.NewInteraction;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a public submission of a web form: rate-limited per client and form, size-checked, dropped silently when the
 * robot trap is filled; otherwise the contact is created or updated by email (or, for a form that creates leads and a
 * submitter who is no contact, the lead is found or created) and a web-form interaction with the submitted values is
 * logged on its timeline, in one transaction. The rate limit is taken before that transaction: a refused submission
 * still counts, and a submission never holds two database connections at once.
 */
@Service
class WebFormSubmissions {

    static final int MAX_FIELD_LENGTH = 2_000;

    private static final Logger log = LoggerFactory.getLogger(WebFormSubmissions.class);
    private static final Set<String> CHECKED = Set.of("yes", "true", "on", "1");

    private final WebFormRepository forms;
    private final SubmissionRateLimiter limiter;
    private final ContactIntake intake;
    private final WebFormLeads leads;
    private final InteractionService interactions;
    private final TransactionTemplate transaction;

    WebFormSubmissions(WebFormRepository forms, SubmissionRateLimiter limiter, ContactIntake intake,
                       WebFormLeads leads, InteractionService interactions, TransactionTemplate transaction) {
        this.forms = forms;
        this.limiter = limiter;
        this.intake = intake;
        this.leads = leads;
        this.interactions = interactions;
        this.transaction = transaction;
    }

    /** The form a key names, if it exists and takes submissions. */
    WebForm activeForm(String formKey) {
        return forms.findActiveByKey(formKey)
                .orElseThrow(() -> new FormRejected(HttpStatus.NOT_FOUND, null, "This form does not exist (any more)"));
    }

    /** Takes the submission of an active form. */
    void submit(WebForm form, Map<String, String> values, String clientAddress) {
        long wait = limiter.acquire(clientAddress, form.formKey());
        if (wait > 0) {
            throw new FormRejected(HttpStatus.TOO_MANY_REQUESTS, null,
                    "Too many submissions from your address; try again in " + wait + " seconds", wait);
        }
        transaction.executeWithoutResult(status -> accept(form, values));
    }

    private void accept(WebForm form, Map<String, String> values) {
        values.forEach((name, value) -> {
            if (value != null && value.length() > MAX_FIELD_LENGTH) {
                throw new FormRejected(HttpStatus.BAD_REQUEST, name,
                        "Keep each field under " + MAX_FIELD_LENGTH + " characters");
            }
        });
        String trap = values.get(WebFormService.HONEYPOT);
        if (trap != null && !trap.isBlank()) {
            return;
        }
        Map<FieldTarget, String> byTarget = new EnumMap<>(FieldTarget.class);
        for (WebForm.Field field : form.fields()) {
            String value = values.get(field.name());
            String clean = value == null ? "" : value.strip();
            boolean given = field.target() == FieldTarget.MARKETING_OPT_IN
                    ? CHECKED.contains(clean.toLowerCase(Locale.ROOT)) : !clean.isEmpty();
            if (field.required() && !given) {
                throw new FormRejected(HttpStatus.BAD_REQUEST, field.name(), "Fill in “" + field.label() + "”");
            }
            if (given && field.target() != FieldTarget.OTHER) {
                byTarget.put(field.target(), clean);
            }
        }
        Optional<RecordRef> lead = form.creates() == WebForm.Creates.LEADS ? lead(form, byTarget) : Optional.empty();
        List<UUID> contactIds = lead.isPresent() ? List.of() : List.of(takeIn(form, byTarget).contactId());
        List<RecordRef> related = lead.map(List::of).orElse(List.of());
        interactions.deliver(new NewInteraction(InteractionType.WEB_FORM, Direction.INBOUND, null, null,
                "Web form: " + form.name(), body(form, values), BodyFormat.TEXT, null, null,
                contactIds, List.of(), related, byTarget.get(FieldTarget.EMAIL), null, null,
                InteractionSource.WEB_FORM, null, null, null, form.ownerId()));
    }

    private Optional<RecordRef> lead(WebForm form, Map<FieldTarget, String> values) {
        try {
            return leads.take(new WebFormLeads.Submission(values.get(FieldTarget.EMAIL),
                    values.get(FieldTarget.FIRST_NAME), values.get(FieldTarget.LAST_NAME),
                    values.get(FieldTarget.PHONE), values.get(FieldTarget.COMPANY), values.get(FieldTarget.TITLE),
                    form.ownerId(), form.departmentId()));
        } catch (InvalidFieldException e) {
            throw rejected(form, e, "leads");
        }
    }

    private ContactIntake.Result takeIn(WebForm form, Map<FieldTarget, String> values) {
        try {
            return intake.submit(new ContactIntake.Submission(values.get(FieldTarget.EMAIL),
                    values.get(FieldTarget.FIRST_NAME), values.get(FieldTarget.LAST_NAME), values.get(FieldTarget.TITLE),
                    values.get(FieldTarget.PHONE), values.containsKey(FieldTarget.MARKETING_OPT_IN),
                    "web form: " + form.name(), "Web form: " + form.name(), form.ownerId(), form.departmentId()));
        } catch (InvalidFieldException e) {
            throw rejected(form, e, "contacts");
        }
    }

    /** The submitter's error naming the form's field at fault; a fault of the form's settings is a 503, logged. */
    private static FormRejected rejected(WebForm form, InvalidFieldException e, String records) {
        FieldTarget target = switch (e.field()) {
            case "email" -> FieldTarget.EMAIL;
            case "phone" -> FieldTarget.PHONE;
            case "firstName" -> FieldTarget.FIRST_NAME;
            case "lastName" -> FieldTarget.LAST_NAME;
            case "title" -> FieldTarget.TITLE;
            case "company" -> FieldTarget.COMPANY;
            default -> null;
        };
        String field = target == null ? null : form.fields().stream().filter(f -> f.target() == target)
                .map(WebForm.Field::name).findFirst().orElse(null);
        if (field == null) {
            log.error("Web form '{}' cannot create {}: {} ({})", form.name(), records, e.getMessage(), e.field());
            return new FormRejected(HttpStatus.SERVICE_UNAVAILABLE, null,
                    "This form cannot take submissions right now; please try again later");
        }
        return new FormRejected(HttpStatus.BAD_REQUEST, field, e.getMessage());
    }

    /** The submitted values as readable text: one "Label: value" line per field, the message as its own paragraph. */
    private static String body(WebForm form, Map<String, String> values) {
        StringBuilder lines = new StringBuilder();
        StringBuilder message = new StringBuilder();
        for (WebForm.Field field : form.fields()) {
            String value = values.get(field.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            if (field.target() == FieldTarget.MESSAGE) {
                message.append(value.strip()).append("\n\n");
            } else {
                String shown = field.target() == FieldTarget.MARKETING_OPT_IN
                        ? (CHECKED.contains(value.strip().toLowerCase(Locale.ROOT)) ? "yes" : "no") : value.strip();
                lines.append(field.label()).append(": ").append(shown).append('\n');
            }
        }
        return (message.toString() + lines).strip();
    }
}
