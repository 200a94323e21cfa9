package org.rapport.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/reports/sales-activity}: calls, leads and won deals by rep, department or call origin. */
@RestController
@Tag(name = "Reports")
class SalesActivityApi {

    record Report(List<SalesActivityRow> rows) {
    }

    private final SalesActivityService report;

    SalesActivityApi(SalesActivityService report) {
        this.report = report;
    }

    @GetMapping("/api/v1/reports/sales-activity")
    @Operation(summary = "Sales activity of a date range, grouped by rep, department or call origin",
            description = """
                    Counts only what the caller may see: calls credited to reps and departments whose activity the
                    caller may see (their own; their department's or everyone's as the organization's visibility
                    setting says; the departments a manager heads), and the leads and deals the caller may see.
                    Days are UTC; from and to are both included.
                    Measures of each row:
                    callsMade: CALL interactions with direction OUTBOUND that occurred in the range.
                    callsReceived: CALL interactions with direction INBOUND that occurred in the range.
                    connectedCalls: calls in the range whose outcome is CONNECTED.
                    successfulCalls: calls in the range whose outcome is one the organization counts as successful
                    (Admin > Successful calls; CONNECTED by default).
                    successRate: successfulCalls / (callsMade + callsReceived), from 0 to 1 with 4 decimals;
                    null without calls.
                    leadsGenerated: leads created in the range, credited to the user who generated them (else
                    their owner).
                    leadsConverted: leads converted in the range, credited to their owner.
                    dealsWon: deals with status WON closed in the range, credited to their owner.
                    revenueWon: the amounts of those deals in the organization's currency (deals in other
                    currencies are not added).
                    groupBy=rep keys rows by user id (the rep a call is credited to); department by the rep's
                    department when the call happened, or the lead's or deal's department; origin by the call's
                    country and region (CC or CC/Region), the lead's country, the country of the won deal's
                    account. Activity without a key is in the row 'unknown'.""")
    Report salesActivity(@AuthenticationPrincipal CurrentUser user,
                         @Parameter(description = "first day, YYYY-MM-DD") @RequestParam LocalDate from,
                         @Parameter(description = "last day, YYYY-MM-DD") @RequestParam LocalDate to,
                         @Parameter(description = "rep, department or origin")
                         @RequestParam(defaultValue = "rep") String groupBy) {
        return new Report(report.report(user, from, to, grouping(groupBy)));
    }

    static SalesActivityGrouping grouping(String groupBy) {
        try {
            return SalesActivityGrouping.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("groupBy", "Use rep, department or origin");
        }
    }
}
