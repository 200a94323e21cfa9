package org.rapport.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.ConflictException;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The duplicates page, the warning fragment the contact form asks for while typing, and the merge page. */
@Controller
class DuplicateController {

    private static final String FIELD_PREFIX = "field.";
    private static final String VERSION_PREFIX = "version.";
    private static final int MAX_TYPED = 254;

    private final DuplicateService duplicates;
    private final MergePages pages;
    private final ContactMerger contactMerger;
    private final AccountMerger accountMerger;

    DuplicateController(DuplicateService duplicates, MergePages pages, ContactMerger contactMerger,
                        AccountMerger accountMerger) {
        this.duplicates = duplicates;
        this.pages = pages;
        this.contactMerger = contactMerger;
        this.accountMerger = accountMerger;
    }

    @GetMapping("/duplicates")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("contactPairs", duplicates.contactPairs(user));
        model.addAttribute("accountPairs", duplicates.accountPairs(user));
        model.addAttribute("limit", DuplicateService.PAIR_LIMIT);
        return "customers/duplicates";
    }

    @GetMapping("/contacts/duplicates")
    String whileTyping(@AuthenticationPrincipal CurrentUser user,
                       @RequestParam MultiValueMap<String, String> params,
                       @RequestParam(required = false) String firstName, @RequestParam(required = false) String lastName,
                       @RequestParam(required = false) UUID contactId, Model model) {
        model.addAttribute("possible", duplicates.whileTyping(user, typed(typedValues(params, "email")),
                typed(typedValues(params, "phone")), cut(firstName), cut(lastName), contactId));
        return "customers/duplicates :: possible";
    }

    /** Values of {@code name=} (API-style) and of the contact form's rows {@code names[i].value}. */
    private static List<String> typedValues(MultiValueMap<String, String> params, String name) {
        List<String> values = new java.util.ArrayList<>(params.getOrDefault(name, List.of()));
        params.forEach((key, list) -> {
            if (key.matches(name + "s\\[\\d+]\\.value")) {
                values.addAll(list);
            }
        });
        return values;
    }

    @GetMapping("/duplicates/merge")
    String mergeForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String type,
                     @RequestParam(required = false) List<UUID> ids, Model model) {
        model.addAttribute("page", pages.build(user, type, ids));
        return "customers/merge";
    }

    @PostMapping("/duplicates/merge")
    String merge(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String type,
                 @RequestParam(required = false) List<UUID> ids, @RequestParam(required = false) UUID survivorId,
                 @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        MergePage page = pages.build(user, type, ids);
        try {
            MergeRequest request = new MergeRequest(survivorId,
                    page.records().stream().map(MergePage.Column::id).filter(id -> !id.equals(survivorId)).toList(),
                    chosenFields(params));
            Integer version = survivorId == null ? null : version(params.get(VERSION_PREFIX + survivorId));
            int merged = request.mergedIds().size();
            if (MergePages.CONTACT.equals(page.type())) {
                ContactView survivor = contactMerger.merge(user, request, version);
                redirect.addFlashAttribute("toast", "Merged " + merged + " contact(s) into " + survivor.displayName() + ".");
                return "redirect:/contacts/" + survivor.id();
            }
            AccountView survivor = accountMerger.merge(user, request, version);
            redirect.addFlashAttribute("toast", "Merged " + merged + " account(s) into " + survivor.name() + ".");
            return "redirect:/accounts/" + survivor.id();
        } catch (InvalidFieldException e) {
            model.addAttribute("error", e.getMessage());
        } catch (ConflictException e) {
            model.addAttribute("error", "One of the records changed meanwhile; review the merge again.");
            page = pages.build(user, type, ids);
        }
        model.addAttribute("page", page);
        return "customers/merge";
    }

    private static Map<String, UUID> chosenFields(Map<String, String> params) {
        Map<String, UUID> fields = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith(FIELD_PREFIX)) {
                String field = key.substring(FIELD_PREFIX.length());
                try {
                    fields.put(field, UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldException("fields." + field, "Choose one of the records");
                }
            }
        });
        return fields;
    }

    private static Integer version(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("version", "Reload the merge page");
        }
    }

    private static List<String> typed(List<String> values) {
        return values == null ? List.of() : values.stream().limit(10).map(DuplicateController::cut).toList();
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_TYPED ? value : value.substring(0, MAX_TYPED);
    }
}
