package org.rapport.interactions;

import java.util.List;
import java.util.UUID;

import org.rapport.customers.ContactLookup;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.shared.PhoneNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs a phone-system call once per external id: the customer's number matched to contacts, the rep's number to a
 * user (credited with the call). A call matching no contact is kept without one, opened for triage and announced as
 * {@link UnmatchedCallReceived}.
 */
@Service
class CallLogger {

    /** At most this many contacts sharing one number get the call on their timeline. */
    static final int MAX_CONTACTS = 20;

    private final InteractionService interactions;
    private final ContactLookup contacts;
    private final UserService users;
    private final CallTriageRepository triage;
    private final ApplicationEventPublisher events;

    CallLogger(InteractionService interactions, ContactLookup contacts, UserService users, CallTriageRepository triage,
               ApplicationEventPublisher events) {
        this.interactions = interactions;
        this.contacts = contacts;
        this.users = users;
        this.triage = triage;
        this.events = events;
    }

    @Transactional
    InteractionService.Delivery log(PhoneCall call) {
        String customer = call.customerNumber();
        String rep = call.repNumber();
        List<UUID> contactIds = isE164(customer)
                ? contacts.byPhone(List.of(customer)).getOrDefault(customer, List.of()).stream().limit(MAX_CONTACTS)
                        .toList()
                : List.of();
        UserView user = isE164(rep) ? users.byPhone(List.of(rep)).get(rep) : null;
        String subject = (call.direction() == Direction.INBOUND ? "Call from " : "Call to ") + label(customer);
        InteractionService.Delivery delivery = interactions.deliver(new NewInteraction(InteractionType.CALL,
                call.direction(), call.startedAt(), call.durationSeconds(), subject, null, BodyFormat.TEXT,
                call.outcome(), null, contactIds, user == null ? List.of() : List.of(user.id()), List.of(),
                call.from(), call.to(), call.recordingUrl(), InteractionSource.TELEPHONY, call.externalId(), null,
                null, user == null ? null : user.id()));
        if (delivery.created() && contactIds.isEmpty()) {
            InteractionView logged = delivery.interaction();
            triage.open(logged.id(), customer, logged.occurredAt());
            events.publishEvent(new UnmatchedCallReceived(logged.id(), customer));
        }
        return delivery;
    }

    private static boolean isE164(String number) {
        return number != null && number.matches("\\+[1-9][0-9]{6,14}");
    }

    private static String label(String number) {
        return isE164(number) ? new PhoneNumber(number).international() : number;
    }
}
