package org.rapport.webforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.UserService;
import org.rapport.shared.InvalidFieldException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Admin pages for web forms: list, create, edit (with the embeddable snippet), delete. */
@Controller
@RequestMapping("/admin/web-forms")
class AdminWebFormsController {

    private static final int BLANK_ROWS = 3;
    private static final Pattern ROW = Pattern.compile("^fields\\[(\\d+)]");
    private static final List<WebForm.Field> DEFAULT_FIELDS = List.of(
            new WebForm.Field("first_name", "First name", FieldTarget.FIRST_NAME, false),
            new WebForm.Field("last_name", "Last name", FieldTarget.LAST_NAME, true),
            new WebForm.Field("email", "Email", FieldTarget.EMAIL, true),
            new WebForm.Field("phone", "Phone", FieldTarget.PHONE, false),
            new WebForm.Field("company", "Company", FieldTarget.COMPANY, false),
            new WebForm.Field("message", "Message", FieldTarget.MESSAGE, false),
            new WebForm.Field("marketing_opt_in", "Keep me informed about products and offers",
                    FieldTarget.MARKETING_OPT_IN, false));

    private final WebFormService forms;
    private final UserService users;
    private final String publicBaseUrl;

    AdminWebFormsController(WebFormService forms, UserService users,
                            @Value("${rapport.public-base-url:}") String publicBaseUrl) {
        this.forms = forms;
        this.users = users;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("forms", forms.list());
        Map<String, String> names = new HashMap<>();
        users.list().forEach(u -> names.put(u.id().toString(), u.name()));
        model.addAttribute("names", names);
        return "webforms/admin-web-forms";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal CurrentUser admin, Model model) {
        return page(model, new WebForm(null, null, "", admin.id(), null, WebForm.Creates.CONTACTS, null, null,
                true, DEFAULT_FIELDS, 0), null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, FormInput input, Model model,
                  RedirectAttributes redirect) {
        WebForm form = input.toForm(null, null);
        return save(() -> forms.create(admin, form), "Web form created: copy its HTML into your site.", input, form,
                null, model, redirect);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        WebForm form = forms.get(id);
        return page(model, form, form);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, FormInput input, Model model,
                  RedirectAttributes redirect) {
        WebForm existing = forms.get(id);
        WebForm form = input.toForm(id, existing.formKey());
        return save(() -> {
            forms.update(admin, id, form);
            return id;
        }, "Web form saved.", input, form, existing, model, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        forms.delete(admin, id);
        redirect.addFlashAttribute("toast", "Web form deleted; pages that embed it get 404 now.");
        return "redirect:/admin/web-forms";
    }

    /** Saves and goes to the form's page, or shows the form again with the error next to the field at fault. */
    private String save(Supplier<UUID> save, String toast, FormInput input, WebForm form, WebForm existing,
                        Model model, RedirectAttributes redirect) {
        try {
            UUID id = save.get();
            redirect.addFlashAttribute("toast", toast);
            return "redirect:/admin/web-forms/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(input.displayField(e.field()), e.getMessage()));
            return page(model, form, existing);
        }
    }

    private String page(Model model, WebForm form, WebForm existing) {
        List<WebForm.Field> rows = new ArrayList<>(form.fields());
        for (int i = 0; i < BLANK_ROWS && rows.size() < WebFormService.MAX_FIELDS + BLANK_ROWS; i++) {
            rows.add(new WebForm.Field("", "", null, false));
        }
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("existing", existing);
        model.addAttribute("targets", FieldTarget.values());
        model.addAttribute("owners", users.possibleOwners());
        model.addAttribute("departments", users.departments());
        model.addAttribute("creates", WebForm.Creates.values());
        if (existing != null) {
            String base = publicBaseUrl.isBlank()
                    ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicBaseUrl;
            model.addAttribute("snippet", WebFormSnippet.html(existing, base));
        }
        return "webforms/admin-web-form";
    }

    /**
     * The admin form as posted: the form's settings and one row per field (name, label, target, and the indexes of
     * the required rows). Rows without name and label are left out; a row without a name gets one from its label.
     */
    record FormInput(String name, UUID ownerId, UUID departmentId, WebForm.Creates creates, String successUrl,
                     String successMessage, Boolean active, Integer version, List<String> fieldName,
                     List<String> fieldLabel, List<String> fieldTarget, Set<Integer> fieldRequired) {

        WebForm toForm(UUID id, String formKey) {
            List<WebForm.Field> fields = new ArrayList<>();
            for (int i : rows()) {
                String label = at(fieldLabel, i).strip();
                String input = at(fieldName, i).strip();
                fields.add(new WebForm.Field(input.isEmpty() ? slug(label) : input, label,
                        target(at(fieldTarget, i)), fieldRequired != null && fieldRequired.contains(i)));
            }
            return new WebForm(id, formKey, name, ownerId, departmentId, creates, successUrl, successMessage,
                    Boolean.TRUE.equals(active), fields, version == null ? 0 : version);
        }

        /** A field of the service's error, with the index of a field row as the admin saw it. */
        String displayField(String field) {
            Matcher m = ROW.matcher(field);
            if (!m.find()) {
                return field;
            }
            List<Integer> rows = rows();
            int kept = Integer.parseInt(m.group(1));
            return kept < rows.size() ? m.replaceFirst("fields[" + rows.get(kept) + "]") : field;
        }

        private List<Integer> rows() {
            int count = Math.max(size(fieldName), size(fieldLabel));
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (!at(fieldName, i).isBlank() || !at(fieldLabel, i).isBlank()) {
                    rows.add(i);
                }
            }
            return rows;
        }

        private static FieldTarget target(String value) {
            try {
                return value.isBlank() ? null : FieldTarget.valueOf(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static String slug(String label) {
            String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
            return slug.isEmpty() || !Character.isLetter(slug.charAt(0)) ? "field_" + slug : slug;
        }

        private static String at(List<String> values, int i) {
            return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
        }

        private static int size(List<String> values) {
            return values == null ? 0 : values.size();
        }
    }
}
