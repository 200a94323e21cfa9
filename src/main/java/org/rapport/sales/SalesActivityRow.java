package org.rapport.sales;

import java.math.BigDecimal;

/**
 * One row of the sales-activity report.
 *
 * @param key         the user or department id, or the origin as {@code CC} or {@code CC/Region}; {@code unknown} when
 *                    the activity has none
 * @param successRate successful calls / all calls (made + received), 0 to 1, null without calls
 * @param revenueWon  the amount of the deals won, in the organization's currency (deals in other currencies are left
 *                    out)
 */
public record SalesActivityRow(String key, String label, long callsMade, long callsReceived, long connectedCalls,
                               long successfulCalls, BigDecimal successRate, long leadsGenerated, long leadsConverted,
                               long dealsWon, BigDecimal revenueWon) {
}
