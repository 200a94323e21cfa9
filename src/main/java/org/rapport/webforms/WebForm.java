package org.rapport.webforms;

import java.util.List;
import java.util.UUID;

/**
 * A web form as an admin defined it.
 *
 * @param formKey        the random public key in the form's address, {@code /forms/{formKey}}
 * @param ownerId        who owns the contacts the form creates and is credited with its submissions
 * @param departmentId   the department of those contacts; null for the owner's
 * @param successUrl     where a browser goes after submitting; null to show {@code successMessage}
 */
public record WebForm(UUID id, String formKey, String name, UUID ownerId, UUID departmentId, String successUrl,
                      String successMessage, boolean active, List<Field> fields, int version) {

    /** The message a submitter reads when the form has no success URL. */
    public static final String DEFAULT_MESSAGE = "Thank you! We received your message and will be in touch.";

    public WebForm {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** One input of the form: its name in the HTML, its label, the contact field it fills, whether it is required. */
    public record Field(String name, String label, FieldTarget target, boolean required) {
    }

    public String message() {
        return successMessage == null ? DEFAULT_MESSAGE : successMessage;
    }
}
