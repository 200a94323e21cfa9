package org.rapport.webforms;

import java.util.List;
import java.util.UUID;

/**
 * A web form as an admin defined it.
 *
 * @param formKey        the random public key in the form's address, {@code /forms/{formKey}}
 * @param ownerId        who owns the contacts the form creates and is credited with its submissions (and new leads)
 * @param departmentId   the department of those contacts, and the queue of new leads no assignment rule places;
 *                       null for the owner's
 * @param creates        what a submission from an unknown email creates: a contact, or a lead
 * @param successUrl     where a browser goes after submitting; null to show {@code successMessage}
 */
public record WebForm(UUID id, String formKey, String name, UUID ownerId, UUID departmentId, Creates creates,
                      String successUrl, String successMessage, boolean active, List<Field> fields, int version) {

    /** What a form's submissions create. */
    public enum Creates { CONTACTS, LEADS }

    /** The message a submitter reads when the form has no success URL. */
    public static final String DEFAULT_MESSAGE = "Thank you! We received your message and will be in touch.";

    public WebForm {
        fields = fields == null ? List.of() : List.copyOf(fields);
        creates = creates == null ? Creates.CONTACTS : creates;
    }

    /** One input of the form: its name in the HTML, its label, the field it fills, whether it is required. */
    public record Field(String name, String label, FieldTarget target, boolean required) {
    }

    public String message() {
        return successMessage == null ? DEFAULT_MESSAGE : successMessage;
    }
}
