package org.rapport.customers;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UrlPathHelper;

/** Saved views and bulk actions of the account and contact lists; each answers with the list as it was. */
@Controller
class ListViewController {

    private final SavedViewService savedViews;
    private final BulkActions bulkActions;

    ListViewController(SavedViewService savedViews, BulkActions bulkActions) {
        this.savedViews = savedViews;
        this.bulkActions = bulkActions;
    }

    @PostMapping({"/contacts/views", "/accounts/views"})
    String saveView(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                    @RequestParam(defaultValue = "") String viewName, @RequestParam(defaultValue = "false") boolean shared,
                    @RequestParam(defaultValue = "") String query, RedirectAttributes redirect) {
        RecordList list = list(request);
        try {
            savedViews.save(user, list.type(), viewName, shared, query);
            redirect.addFlashAttribute("toast", "View " + viewName.strip() + " saved.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return backToList(list, query);
    }

    @GetMapping({"/contacts/views/{viewId}", "/accounts/views/{viewId}"})
    String openView(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, @PathVariable UUID viewId) {
        RecordList list = list(request);
        return backToList(list, savedViews.get(user, list.type(), viewId).query());
    }

    @PostMapping({"/contacts/views/{viewId}/delete", "/accounts/views/{viewId}/delete"})
    String deleteView(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                      @PathVariable UUID viewId, RedirectAttributes redirect) {
        RecordList list = list(request);
        savedViews.delete(user, list.type(), viewId);
        redirect.addFlashAttribute("toast", "View deleted.");
        return "redirect:" + list.path();
    }

    @PostMapping({"/contacts/bulk", "/accounts/bulk"})
    String bulk(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                @RequestParam(required = false) List<UUID> ids, @RequestParam(defaultValue = "") String action,
                @RequestParam(required = false) UUID bulkOwnerId, @RequestParam(required = false) String bulkTag,
                @RequestParam(defaultValue = "") String query, RedirectAttributes redirect) {
        RecordList list = list(request);
        try {
            BulkActions.Outcome outcome = bulkActions.run(user, list, action, ids, bulkOwnerId, bulkTag);
            redirect.addFlashAttribute("toast", outcome.done() + " " + list.noun() + "(s) done"
                    + (outcome.skipped() > 0 ? ", " + outcome.skipped()
                    + " skipped (not visible or changed meanwhile)" : "") + ".");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return backToList(list, query);
    }

    private static RecordList list(HttpServletRequest request) {
        return RecordList.ofPath(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }

    /** Back to the list as it was; a query string that is not plain URL text is dropped rather than echoed. */
    private static String backToList(RecordList list, String query) {
        boolean plain = query != null && query.matches("[A-Za-z0-9\\-._~%&=+,;:@!*'()\\[\\]]*");
        return "redirect:" + list.path() + (plain && !query.isEmpty() ? "?" + query : "");
    }
}
