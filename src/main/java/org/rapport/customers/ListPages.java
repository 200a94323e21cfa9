package org.rapport.customers;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.UserService;
import org.rapport.shared.CursorPage;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * What the account and contact list pages share: the filter read from the query, and the model of the page
 * (chosen columns, filter choices, saved views, the next page's link).
 */
@Component
class ListPages {

    static final int PAGE = 50;

    private final CustomFieldService customFields;
    private final SavedViewService savedViews;
    private final UserService users;

    ListPages(CustomFieldService customFields, SavedViewService savedViews, UserService users) {
        this.customFields = customFields;
        this.savedViews = savedViews;
        this.users = users;
    }

    /** The page's filter: search text cut to 200 characters, a blank tag ignored, {@code cf.<key>} parameters. */
    ListFilter filter(RecordList list, ListPageQuery query, Map<String, String> parameters) {
        String q = query.q() == null || query.q().length() <= 200 ? query.q() : query.q().substring(0, 200);
        String tag = query.tag() == null || query.tag().isBlank() ? null : query.tag().strip();
        return new ListFilter(q, query.ownerId(), query.relationshipType(), query.lifecycleStage(), tag, null,
                customFields.filters(list.type(), parameters));
    }

    /** Fills the model of a list page around its rows; returns the page, or only its rows for an htmx request. */
    String render(Model model, CurrentUser user, RecordList list, ListPageQuery query, ListFilter filter,
                  CursorPage<?> page, Map<String, String> parameters, HttpServletRequest request, HtmxRequest htmx) {
        List<CustomFieldDefinition> definitions = customFields.activeDefinitions(list.type());
        String queryString = request.getQueryString() == null ? "" : request.getQueryString();
        model.addAttribute("page", page);
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : UriComponentsBuilder.fromPath(list.path())
                .query(queryString).replaceQueryParam("cursor", page.nextCursor()).build().toUriString());
        model.addAttribute("filterFields", definitions.stream()
                .filter(d -> d.type() != CustomFieldType.LONG_TEXT).toList());
        model.addAttribute("customFilter", parameters);
        model.addAttribute("filter", filter);
        model.addAttribute("columns", list.chosen(query.columns(), definitions));
        model.addAttribute("allColumns", list.columns(definitions));
        model.addAttribute("views", savedViews.visibleTo(user, list.type()));
        model.addAttribute("query", queryString);
        for (String format : List.of("csv", "xlsx")) {
            model.addAttribute(format + "Export", UriComponentsBuilder.fromPath("/exports" + list.path())
                    .query(queryString).replaceQueryParam("cursor").replaceQueryParam("columns")
                    .replaceQueryParam("sort").replaceQueryParam("format", format).build().toUriString());
        }
        model.addAttribute("listPath", list.path());
        model.addAttribute("owners", users.possibleOwners());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("types", RelationshipType.values());
        String template = "customers/" + list.plural();
        return htmx.isHtmxRequest() && !htmx.isBoosted() ? template + " :: rows" : template;
    }
}
