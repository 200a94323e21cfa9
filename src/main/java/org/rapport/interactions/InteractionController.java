package org.rapport.interactions;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordDirectory;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.shared.CursorPage;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The timeline panel of a record's page with its quick forms, and an interaction's own page. */
@Controller
@RequestMapping("/interactions")
class InteractionController {

    private static final int PAGE = 20;

    private final InteractionService interactions;
    private final InteractionAttachments attachments;
    private final RecordDirectory records;
    private final UserService users;
    private final BodyRenderer bodies;

    InteractionController(InteractionService interactions, InteractionAttachments attachments,
                          RecordDirectory records, UserService users, BodyRenderer bodies) {
        this.interactions = interactions;
        this.attachments = attachments;
        this.records = records;
        this.users = users;
        this.bodies = bodies;
    }

    @GetMapping("/timeline")
    String timeline(@AuthenticationPrincipal CurrentUser user, @RequestParam String recordType,
                    @RequestParam UUID recordId, @RequestParam(required = false) InteractionType type,
                    @RequestParam(required = false) String cursor, Model model) {
        RecordRef record = new RecordRef(recordType, recordId);
        CursorPage<InteractionView> page = interactions.list(user, record, type, null, null, null, cursor, PAGE);
        describe(model, page.items());
        model.addAttribute("page", page);
        model.addAttribute("record", record);
        model.addAttribute("recordHref", hrefOf(record));
        model.addAttribute("type", type);
        if (cursor != null) {
            return "interactions/timeline :: more";
        }
        model.addAttribute("types", InteractionType.values());
        model.addAttribute("outcomes", CallOutcome.values());
        model.addAttribute("now", Instant.now().truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC)
                .toLocalDateTime().toString());
        return "interactions/timeline :: timeline";
    }

    @PostMapping
    String log(@AuthenticationPrincipal CurrentUser user, @ModelAttribute QuickLogForm form, HtmxRequest htmx,
               Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String back = hrefOf(new RecordRef(form.recordType(), form.recordId()));
        try {
            interactions.log(user, form.toNew());
        } catch (InvalidFieldException e) {
            if (!htmx.isHtmxRequest()) {
                redirect.addFlashAttribute("toast", e.getMessage());
                return "redirect:" + back;
            }
            timeline(user, form.recordType(), form.recordId(), null, null, model);
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return "interactions/timeline :: timeline";
        }
        String saved = form.type().label() + " logged.";
        if (!htmx.isHtmxRequest()) {
            redirect.addFlashAttribute("toast", saved);
            return "redirect:" + back;
        }
        response.setHeader("HX-Trigger", "{\"toast\":\"" + saved + "\"}");
        timeline(user, form.recordType(), form.recordId(), null, null, model);
        return "interactions/timeline :: timeline";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        InteractionView interaction = interactions.get(user, id);
        describe(model, List.of(interaction));
        model.addAttribute("i", interaction);
        model.addAttribute("maxMegabytes", attachments.maxBytes() / (1024 * 1024));
        return "interactions/interaction";
    }

    @PostMapping("/{id}/attachments")
    String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                  @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try (var in = file.getInputStream()) {
            InteractionView.Attachment stored = attachments.upload(user, id, file.getOriginalFilename(), in);
            redirect.addFlashAttribute("toast", stored.fileName() + " attached.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return "redirect:/interactions/" + id;
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                      @PathVariable UUID attachmentId) {
        return AttachmentResponses.of(attachments.open(user, id, attachmentId));
    }

    private String hrefOf(RecordRef record) {
        RecordDirectory.RecordLabel label = records.labels(List.of(record)).get(record);
        return label == null ? "/" : label.href();
    }

    /** Names of the reps and records the interactions mention, and their bodies as safe HTML. */
    private void describe(Model model, List<InteractionView> shown) {
        Set<RecordRef> refs = new HashSet<>();
        shown.forEach(i -> refs.addAll(i.records()));
        Map<RecordRef, RecordDirectory.RecordLabel> labels = records.labels(refs);
        model.addAttribute("labels", labels.values().stream()
                .collect(Collectors.toMap(l -> l.ref().type() + ":" + l.ref().id(), l -> l)));
        model.addAttribute("userNames", users.list().stream()
                .collect(Collectors.toMap(u -> u.id().toString(), UserView::name)));
        model.addAttribute("bodies", shown.stream()
                .collect(Collectors.toMap(i -> i.id().toString(), i -> bodies.toHtml(i.body(), i.bodyFormat()))));
    }
}
