package org.rapport.interactions;

import java.util.UUID;

/**
 * A phone-system call from or to a number no contact has was logged without a contact and listed for triage.
 * The hook for sales: such a caller may become a lead.
 *
 * @param number the customer side's number, in E.164 when the phone system sent a phone number
 */
public record UnmatchedCallReceived(UUID interactionId, String number) {
}
