package org.rapport.interactions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rapport.customers.CustomerSearch;
import org.rapport.customers.SearchHit;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.UserService;
import org.rapport.shared.ConflictException;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** The triage page of calls that matched no contact: find a contact and attach the call to it, or dismiss it. */
@Controller
@RequestMapping("/calls/unmatched")
class UnmatchedCallsController {

    private static final int PAGE = 50;

    private final UnmatchedCalls unmatched;
    private final CustomerSearch search;
    private final UserService users;

    UnmatchedCallsController(UnmatchedCalls unmatched, CustomerSearch search, UserService users) {
        this.unmatched = unmatched;
        this.search = search;
        this.users = users;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cursor,
                Model model) {
        model.addAttribute("page", unmatched.list(user, cursor, PAGE));
        Map<String, String> reps = new HashMap<>();
        users.list().forEach(u -> reps.put(u.id().toString(), u.name()));
        model.addAttribute("reps", reps);
        return "interactions/unmatched-calls";
    }

    /** Contacts matching the search, each with a button that attaches the call to it. */
    @GetMapping("/{id}/contacts")
    String contacts(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                    @RequestParam(defaultValue = "") String q, HtmxRequest htmx, Model model) {
        List<SearchHit> hits = q.isBlank() || q.length() > CustomerSearch.MAX_QUERY_LENGTH ? List.of()
                : search.search(user, q, Set.of("contact"), 10);
        model.addAttribute("callId", id);
        model.addAttribute("q", q);
        model.addAttribute("hits", hits);
        return htmx.isHtmxRequest() && !htmx.isBoosted() ? "interactions/attach-call :: hits"
                : "interactions/attach-call";
    }

    @PostMapping("/{id}/attach")
    String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                  @RequestParam(required = false) UUID contactId, RedirectAttributes redirect) {
        try {
            unmatched.attach(user, id, contactId);
            redirect.addFlashAttribute("toast", "The call is on the contact's timeline now.");
        } catch (InvalidFieldException | ConflictException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return "redirect:/calls/unmatched";
    }

    @PostMapping("/{id}/dismiss")
    String dismiss(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            unmatched.dismiss(user, id);
            redirect.addFlashAttribute("toast", "Call dismissed.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return "redirect:/calls/unmatched";
    }
}
