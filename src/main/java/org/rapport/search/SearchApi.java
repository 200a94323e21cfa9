package org.rapport.search;

import org.rapport.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/search}: accounts, contacts, open leads and deals matching a query, best first, within the caller's visibility. */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search")
class SearchApi {

    private final RecordSearch search;

    SearchApi(RecordSearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search accounts, contacts, open leads and deals the caller may see",
            description = "q matches names, emails, web domains and phone numbers (typed in any format), "
                    + "ignoring case and accents and tolerating small typos; words of a name that start with q "
                    + "rank first, then q anywhere, then close spellings. Deals match by their name, and by their "
                    + "account's name when the caller may see the account (ranked below the account itself).")
    SearchResults search(@AuthenticationPrincipal CurrentUser user,
                         @Parameter(description = "1 to 200 characters") @RequestParam(required = false) String q,
                         @Parameter(description = "account, contact, lead and/or deal, separated by commas; default all")
                         @RequestParam(required = false) String types,
                         @Parameter(description = "1 to 50") @RequestParam(defaultValue = "20") int limit) {
        return SearchResults.of(search.search(user, q, SearchTypes.parse(types), limit));
    }
}
