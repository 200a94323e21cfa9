package org.rapport.sales;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.rapport.customers.AccountService;
import org.rapport.customers.ContactService;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordDirectory;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.RecordRef;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deals panel of account and contact pages ({@code GET /deals/panel}, loaded by the layout's record panels):
 * the open deals, then the latest closed ones, and a "New deal" prefilled with the record.
 */
@Controller
class DealPanelController {

    static final int OPEN = 20;
    static final int CLOSED = 5;
    private static final Set<String> TYPES = Set.of(AccountService.TYPE, ContactService.TYPE);

    private final DealService deals;
    private final RecordDirectory records;

    DealPanelController(DealService deals, RecordDirectory records) {
        this.deals = deals;
        this.records = records;
    }

    @GetMapping("/deals/panel")
    String panel(@AuthenticationPrincipal CurrentUser user, @RequestParam String recordType,
                 @RequestParam UUID recordId, Model model) {
        if (!TYPES.contains(recordType)) {
            throw new InvalidFieldException("recordType", "Deals are shown on accounts and contacts");
        }
        RecordRef record = new RecordRef(recordType, recordId);
        if (!records.canSee(user, record)) {
            throw new NotFoundException(recordType.equals(AccountService.TYPE) ? "Account" : "Contact");
        }
        List<DealView> open = deals.ofRecord(user, record, true, OPEN + 1);
        model.addAttribute("record", record);
        model.addAttribute("open", open.subList(0, Math.min(OPEN, open.size())));
        model.addAttribute("moreOpen", open.size() > OPEN);
        model.addAttribute("closed", deals.ofRecord(user, record, false, CLOSED));
        return "sales/deal-panel :: panel";
    }
}
