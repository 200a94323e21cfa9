package org.rapport.sales;

import java.util.UUID;

import org.rapport.customers.ContactIntake;
import org.rapport.identity.CurrentUser;
import org.rapport.interactions.InteractionService;
import org.rapport.platform.AuditService;
import org.rapport.shared.ConflictException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;
import org.rapport.tasks.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Converts a lead in one transaction: the contact (new, or an existing one it is merged into), the account (new from
 * the company, existing, or none), optionally a deal through {@link LeadDealHook}; the lead's interactions and tasks
 * move to the contact, the lead keeps links to what it became, and {@link LeadConverted} is published.
 */
@Service
class LeadConversion {

    /**
     * What the converting user chose.
     *
     * @param contactId     an existing contact to merge the lead into; null creates one
     * @param accountId     an existing account to link; null creates one from the company unless {@code noAccount}
     * @param deal          a deal to create with the conversion, or null
     */
    record Request(UUID contactId, UUID accountId, boolean noAccount, LeadDealHook.LeadDealRequest deal) {
    }

    private final LeadService leads;
    private final LeadRepository repository;
    private final ContactIntake intake;
    private final InteractionService interactions;
    private final TaskService tasks;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<LeadDealHook> dealHook;

    LeadConversion(LeadService leads, LeadRepository repository, ContactIntake intake, InteractionService interactions,
                   TaskService tasks, AuditService audit, ApplicationEventPublisher events,
                   ObjectProvider<LeadDealHook> dealHook) {
        this.leads = leads;
        this.repository = repository;
        this.intake = intake;
        this.interactions = interactions;
        this.tasks = tasks;
        this.audit = audit;
        this.events = events;
        this.dealHook = dealHook;
    }

    @Transactional
    LeadView convert(CurrentUser user, UUID id, Request request) {
        leads.get(user, id);
        LeadService.requireWriter(user);
        LeadDealHook hook = dealHook.getIfAvailable();
        if (request.deal() != null && hook == null) {
            throw new InvalidFieldException("deal", "Deals cannot be created here yet; convert without a deal");
        }
        if (request.deal() != null && (request.deal().name() == null || request.deal().name().isBlank())) {
            throw new InvalidFieldException("deal.name", "Name the deal");
        }
        repository.lock(id);
        LeadView lead = leads.readBack(id);
        if (lead.status() == LeadStatus.CONVERTED) {
            throw new ConflictException("The lead was already converted on " + lead.convertedAt());
        }
        ContactIntake.Converted made = intake.convert(user, new ContactIntake.Conversion(lead.firstName(),
                lead.lastName(), lead.title(), lead.email(), lead.phone(), request.noAccount() ? null : lead.company(),
                "Lead: " + lead.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                lead.ownerId(), request.contactId(), request.accountId()));
        UUID dealId = request.deal() == null ? null
                : hook.createDeal(user, lead, made.contactId(), made.accountId(), request.deal());
        RecordRef from = LeadService.ref(id);
        RecordRef to = new RecordRef("contact", made.contactId());
        interactions.moveRecord(from, to);
        tasks.moveRecord(from, to);
        repository.markConverted(id, made.contactId(), made.accountId(), dealId);
        LeadView after = leads.readBack(id);
        audit.updated(from, LeadService.auditFields(lead), LeadService.auditFields(after));
        events.publishEvent(new LeadConverted(id, made.contactId(), made.accountId(), dealId));
        return after;
    }
}
