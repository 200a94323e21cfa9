package org.rapport.identity;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.rapport.platform.AuditService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin page browsing the audit trail by user, record type, record id and date, newest first. */
@Controller
class AdminAuditController {

    static final int PAGE = 50;

    private final AuditService audit;
    private final UserService users;

    AdminAuditController(AuditService audit, UserService users) {
        this.audit = audit;
        this.users = users;
    }

    @GetMapping("/admin/audit")
    String browse(@RequestParam(required = false) UUID userId, @RequestParam(required = false) String recordType,
                  @RequestParam(required = false) UUID recordId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Long before, Model model) {
        String type = recordType == null || recordType.isBlank() ? null : recordType.strip();
        List<AuditService.Entry> entries = audit.search(new AuditService.Query(userId, type, recordId,
                from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                before, PAGE + 1));
        boolean more = entries.size() > PAGE;
        List<AuditService.Entry> page = more ? entries.subList(0, PAGE) : entries;
        List<UserView> everyone = users.list();
        Map<String, String> names = everyone.stream().collect(Collectors.toMap(u -> u.id().toString(), UserView::name));
        model.addAttribute("entries", page);
        model.addAttribute("names", names);
        model.addAttribute("users", everyone);
        model.addAttribute("nextBefore", more ? page.getLast().id() : null);
        model.addAttribute("filter", new Filter(userId, type, recordId, from, to));
        return "identity/admin-audit";
    }

    /** The filter as entered, echoed back into the form and the "older" link. */
    record Filter(UUID userId, String recordType, UUID recordId, LocalDate from, LocalDate to) {
    }

}
