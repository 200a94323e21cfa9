package org.rapport.search;

import java.util.List;

import org.rapport.customers.CustomerSearch;
import org.rapport.customers.SearchHit;
import org.rapport.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** The search page, and on an htmx request from the navigation's search box only its few best hits. */
@Controller
class SearchController {

    private static final int DROPDOWN = 8;

    private final RecordSearch search;

    SearchController(RecordSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String types, HtmxRequest htmx, Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > CustomerSearch.MAX_QUERY_LENGTH) {
            query = query.substring(0, CustomerSearch.MAX_QUERY_LENGTH);
        }
        boolean fragment = htmx.isHtmxRequest() && !htmx.isBoosted();
        List<SearchHit> hits = query.isEmpty() ? List.of()
                : search.search(user, query, SearchTypes.parse(types), fragment ? DROPDOWN : CustomerSearch.MAX_LIMIT);
        model.addAttribute("q", query);
        model.addAttribute("types", types == null ? "" : types);
        model.addAttribute("hits", hits);
        model.addAttribute("dropdown", fragment);
        return fragment ? "search/search :: hits" : "search/search";
    }
}
