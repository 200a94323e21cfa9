package org.rapport.sales;

import java.util.List;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** Creates the deal a lead conversion asks for: the lead's owner owns it, on the new account, with the new contact. */
@Component
class DealsForLeads implements LeadDealHook {

    private final DealService deals;

    DealsForLeads(DealService deals) {
        this.deals = deals;
    }

    @Override
    public UUID createDeal(CurrentUser user, LeadView lead, UUID contactId, UUID accountId, LeadDealRequest request) {
        UUID owner = lead.ownerId() != null ? lead.ownerId() : user.id();
        return deals.create(user, new NewDeal(request.name(), request.pipelineId(), null, request.amount(),
                request.currency(), request.expectedCloseDate(), owner, accountId,
                contactId == null ? List.of() : List.of(contactId))).id();
    }
}
