package org.rapport.sales;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.rapport.email.UnknownSenderEmailReceived;
import org.rapport.interactions.InteractionService;
import org.rapport.interactions.InteractionView;
import org.rapport.interactions.UnmatchedCallReceived;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns unknown callers and email senders into leads (source PHONE or EMAIL), credited to the rep who took the call
 * or owns the mailbox, placed by the assignment rules, with the interaction on the lead's timeline. A second call or
 * mail from the same number or address lands on the open lead that already has it.
 *
 * <p>Listeners are {@code @ApplicationModuleListener}s: they run after the interaction is committed, in their own
 * transaction, from the event outbox, so a failure here never loses the logged call or mail and the event is
 * delivered again after a crash. Redelivery is harmless: the lead is found by its number or address and the link is
 * an upsert.
 */
@Component
class LeadCapture {

    private static final Logger log = LoggerFactory.getLogger(LeadCapture.class);

    private final LeadService leads;
    private final LeadRepository repository;
    private final LeadScoring scoring;
    private final InteractionService interactions;

    LeadCapture(LeadService leads, LeadRepository repository, LeadScoring scoring, InteractionService interactions) {
        this.leads = leads;
        this.repository = repository;
        this.scoring = scoring;
        this.interactions = interactions;
    }

    @ApplicationModuleListener
    void on(UnmatchedCallReceived call) {
        if (call.number() == null || !call.number().startsWith("+")) {
            return;
        }
        capture(call.interactionId(), null, call.number(), LeadSource.PHONE, null, call.number());
    }

    @ApplicationModuleListener
    void on(UnknownSenderEmailReceived mail) {
        capture(mail.interactionId(), mail.address(), null, LeadSource.EMAIL, mail.name(),
                mail.address().substring(0, Math.max(1, mail.address().indexOf('@'))));
    }

    private void capture(UUID interactionId, String email, String phone, LeadSource source, String name,
                         String fallbackName) {
        String address = email == null ? null : email.toLowerCase(Locale.ROOT);
        repository.lockIdentity(address, phone);
        Optional<UUID> known = repository.duplicates(address, phone, null).stream().findFirst();
        UUID leadId;
        if (known.isPresent()) {
            leadId = known.get();
        } else {
            Optional<InteractionView> interaction = interactions.findUnattended(interactionId);
            UUID rep = interaction.map(InteractionView::ownerId).orElse(null);
            String country = interaction.map(InteractionView::origin).map(InteractionView.Origin::country)
                    .filter(c -> c != null && c.matches("[A-Z]{2}")).orElse(null);
            String[] names = split(name, fallbackName);
            try {
                Optional<LeadView> lead = leads.capture(new LeadFields(names[0], names[1], email, phone, null, null,
                        country, source, null, LeadStatus.NEW, null, null, null), rep);
                if (lead.isEmpty()) {
                    return;
                }
                leadId = lead.get().id();
            } catch (InvalidFieldException e) {
                log.info("No lead from interaction {}: {} ({})", interactionId, e.getMessage(), e.field());
                return;
            }
        }
        interactions.linkRecord(interactionId, LeadService.ref(leadId));
        scoring.rescore(leadId);
    }

    /** First and last name from a display name; the fallback when there is none. */
    static String[] split(String name, String fallback) {
        String n = name == null ? "" : name.replace("\"", "").strip();
        if (n.isEmpty()) {
            return new String[] {null, fallback.length() > 100 ? fallback.substring(0, 100) : fallback};
        }
        List<String> parts = List.of(n.split("\\s+"));
        String last = parts.getLast();
        String first = parts.size() > 1 ? String.join(" ", parts.subList(0, parts.size() - 1)) : null;
        return new String[] {first == null ? null : first.substring(0, Math.min(100, first.length())),
                last.substring(0, Math.min(100, last.length()))};
    }
}
