package org.rapport.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.rapport.customers.DuplicatePolicy;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.shared.ConflictException;
import org.rapport.shared.InvalidFieldException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import pages: upload a file of contacts or leads, map its columns with a live preview, start it and watch its
 * progress, download its error report, undo it; and the contact export form.
 */
@Controller
@RequestMapping("/imports")
class ImportController {

    private static final int ERRORS_SHOWN = 50;

    /** A column of the mapping form: its position, name, first values and chosen field. */
    record ColumnChoice(int index, String name, String samples, String field) {
    }

    private final ImportService imports;
    private final ImportTargets targets;
    private final UserService users;

    ImportController(ImportService imports, ImportTargets targets, UserService users) {
        this.imports = imports;
        this.targets = targets;
        this.users = users;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("imports", imports.latest(user, 30));
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("owners", users.list().stream().filter(u -> u.active() && u.role() != Role.PARTNER).toList());
        return "imports/imports";
    }

    @PostMapping
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "contacts") String entity, Model model) throws IOException {
        try {
            ImportEntity kind = ImportEntity.of(entity);
            if (file == null || file.isEmpty()) {
                throw new InvalidFieldException("file", "Choose a non-empty .csv or .xlsx file");
            }
            ImportView created = imports.upload(user, kind, file.getOriginalFilename(), file.getBytes());
            return "redirect:/imports/" + created.id();
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return list(user, model);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ImportView view = imports.get(user, id);
        model.addAttribute("job", view);
        if (view.status() == ImportStatus.DRAFT) {
            ImportMapping mapping = imports.mapping(view);
            mappingForm(user, view, mapping, view.policy(), model);
            previewInto(user, id, mapping, view.policy(), model);
        } else {
            model.addAttribute("errorRows", imports.errors(user, id, ERRORS_SHOWN));
        }
        return "imports/import";
    }

    @PostMapping("/{id}/preview")
    String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                   @RequestParam Map<String, String> form, Model model) {
        ImportView view = imports.get(user, id);
        try {
            ImportMapping mapping = mapping(view, form);
            DuplicatePolicy policy = ImportApi.policy(form.getOrDefault("policy", "skip"));
            imports.save(user, id, mapping, policy);
            previewInto(user, id, mapping, policy, model);
        } catch (InvalidFieldException e) {
            model.addAttribute("previewError", e.getMessage());
        }
        return "imports/import :: preview";
    }

    @PostMapping("/{id}/start")
    String start(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                 @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        ImportView view = imports.get(user, id);
        ImportMapping mapping = mapping(view, form);
        DuplicatePolicy policy = ImportApi.policy(form.getOrDefault("policy", "skip"));
        try {
            imports.start(user, id, mapping, policy);
            redirect.addFlashAttribute("toast", "Import started.");
            return "redirect:/imports/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("job", view);
            model.addAttribute("errors", Map.of("mapping", e.getMessage()));
            mappingForm(user, view, mapping, policy, model);
            previewInto(user, id, mapping, policy, model);
            return "imports/import";
        }
    }

    @GetMapping("/{id}/status")
    String status(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.get(user, id));
        model.addAttribute("errorRows", imports.errors(user, id, ERRORS_SHOWN));
        return "imports/import :: status";
    }

    @GetMapping("/{id}/errors.csv")
    void errors(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletResponse response)
            throws IOException {
        ImportView view = imports.get(user, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(view.fileName().replaceAll("\\.[A-Za-z]+$", "") + "-errors.csv").build().toString());
        imports.writeErrorReport(user, id, response.getOutputStream());
    }

    @PostMapping("/{id}/undo")
    String undo(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            imports.undo(user, id);
            redirect.addFlashAttribute("toast", "Undoing the import.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return "redirect:/imports/" + id;
    }

    private void mappingForm(CurrentUser user, ImportView view, ImportMapping mapping, DuplicatePolicy policy,
                             Model model) {
        List<String> samples = imports.samples(user, view.id());
        List<ColumnChoice> columns = new ArrayList<>();
        for (int i = 0; i < view.columns().size(); i++) {
            ImportTarget field = mapping.field(i);
            columns.add(new ColumnChoice(i, view.columns().get(i), i < samples.size() ? samples.get(i) : "",
                    field == null ? "" : field.key()));
        }
        model.addAttribute("columns", columns);
        model.addAttribute("fields", targets.all(ImportEntity.of(view.entity())));
        model.addAttribute("policy", policy.name());
    }

    private void previewInto(CurrentUser user, UUID id, ImportMapping mapping, DuplicatePolicy policy, Model model) {
        model.addAttribute("preview", imports.preview(user, id, mapping, policy));
    }

    /** The mapping posted by the form: {@code column<i>} = field key, empty for "ignore". */
    private ImportMapping mapping(ImportView view, Map<String, String> form) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < view.columns().size(); i++) {
            String field = form.get("column" + i);
            if (field != null && !field.isBlank()) {
                byColumn.put(view.columns().get(i), field);
            }
        }
        return targets.parse(ImportEntity.of(view.entity()), byColumn, view.columns());
    }
}
