package org.rapport.webforms;

import java.util.Optional;
import java.util.UUID;

import org.rapport.shared.RecordRef;

/**
 * Takes the submissions of forms that create leads; the sales module implements it, so that web forms do not depend
 * on sales.
 */
public interface WebFormLeads {

    /**
     * What a submitter gave, by lead field (null when not given; the phone as typed), and the form's placement.
     *
     * @param formOwnerId  the form's owner, credited with generating a new lead
     * @param departmentId the form's department: the queue of a new lead no assignment rule places; null for the
     *                     owner's
     */
    record Submission(String email, String firstName, String lastName, String phone, String company, String title,
                      UUID formOwnerId, UUID departmentId) {
    }

    /**
     * The lead a submission goes on, in the caller's transaction: the open lead with its email (else its phone), given
     * what it lacks, or a new lead (source web form) placed by the assignment rules and scored. Empty when the
     * submitter is a contact (their email, or the phone of a new lead, is a contact's): the caller takes them in as a
     * contact. A value a lead cannot take is refused with an {@link org.rapport.shared.InvalidFieldException} naming
     * the component at fault.
     */
    Optional<RecordRef> take(Submission submission);
}
