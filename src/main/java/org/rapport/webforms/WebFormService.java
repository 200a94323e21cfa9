package org.rapport.webforms;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.platform.AuditService;
import org.rapport.shared.ConflictException;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.RecordRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's web forms: validated, given a random public key on creation, every change audited. */
@Service
class WebFormService {

    static final String TYPE = "web_form";
    /** The hidden field that only robots fill in; no form field may use its name. */
    static final String HONEYPOT = "website";
    static final int MAX_FIELDS = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebFormRepository forms;
    private final UserService users;
    private final AuditService audit;

    WebFormService(WebFormRepository forms, UserService users, AuditService audit) {
        this.forms = forms;
        this.users = users;
        this.audit = audit;
    }

    List<WebForm> list() {
        return forms.list();
    }

    WebForm get(UUID id) {
        return forms.find(id).orElseThrow(() -> new NotFoundException("Web form"));
    }

    @Transactional
    UUID create(CurrentUser admin, WebForm form) {
        requireAdmin(admin);
        WebForm valid = validate(form, null, newKey());
        UUID id = forms.insert(valid, admin.id());
        audit.created(ref(id), auditFields(valid));
        return id;
    }

    @Transactional
    void update(CurrentUser admin, UUID id, WebForm form) {
        requireAdmin(admin);
        WebForm before = get(id);
        WebForm valid = validate(form, id, before.formKey());
        if (!forms.update(id, form.version(), valid)) {
            throw new ConflictException("Someone else changed this form meanwhile; reload and try again");
        }
        audit.updated(ref(id), auditFields(before), auditFields(valid));
    }

    @Transactional
    void delete(CurrentUser admin, UUID id) {
        requireAdmin(admin);
        WebForm before = get(id);
        forms.delete(id);
        audit.deleted(ref(id), auditFields(before));
    }

    private WebForm validate(WebForm f, UUID id, String formKey) {
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidFieldException("name", "Enter a name of 1 to 100 characters");
        }
        if (forms.nameTaken(name, id)) {
            throw new InvalidFieldException("name", "Another form has this name");
        }
        if (f.ownerId() == null || users.find(f.ownerId())
                .filter(u -> u.active() && u.role() != Role.PARTNER && u.role().canWrite()).isEmpty()) {
            throw new InvalidFieldException("ownerId", "Choose an active user who may own contacts");
        }
        if (f.departmentId() != null && users.department(f.departmentId()).isEmpty()) {
            throw new InvalidFieldException("departmentId", "No such department");
        }
        String url = blankToNull(f.successUrl());
        if (url != null && (url.length() > 2000 || !url.matches("(?i)https?://[^\\s<>\"]+"))) {
            throw new InvalidFieldException("successUrl", "Use an http or https address");
        }
        String message = blankToNull(f.successMessage());
        if (message != null && message.length() > 500) {
            throw new InvalidFieldException("successMessage", "Keep the message under 500 characters");
        }
        return new WebForm(id, formKey, name, f.ownerId(), f.departmentId(), f.creates(), url, message, f.active(),
                fields(f.fields()), f.version());
    }

    private static List<WebForm.Field> fields(List<WebForm.Field> fields) {
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            throw new InvalidFieldException("fields", "Give the form 1 to " + MAX_FIELDS + " fields");
        }
        Set<String> names = new HashSet<>();
        Set<FieldTarget> targets = EnumSet.noneOf(FieldTarget.class);
        for (int i = 0; i < fields.size(); i++) {
            WebForm.Field field = fields.get(i);
            String at = "fields[" + i + "]";
            if (field.target() == null) {
                throw new InvalidFieldException(at + ".target", "Choose the contact field it fills in");
            }
            if (field.label() == null || field.label().isBlank() || field.label().strip().length() > 100) {
                throw new InvalidFieldException(at + ".label", "Enter a label of 1 to 100 characters");
            }
            if (field.name() == null || !field.name().matches("[A-Za-z][A-Za-z0-9_-]{0,49}")) {
                throw new InvalidFieldException(at + ".name",
                        "Start the name with a letter; use letters, digits, - and _ (at most 50)");
            }
            if (field.name().equalsIgnoreCase(HONEYPOT) || !names.add(field.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidFieldException(at + ".name", "The name '" + field.name() + "' is "
                        + (field.name().equalsIgnoreCase(HONEYPOT) ? "reserved for the robot trap" : "used twice"));
            }
            if (field.target() != FieldTarget.OTHER && !targets.add(field.target())) {
                throw new InvalidFieldException(at + ".target", "Only one field may fill in "
                        + field.target().label().toLowerCase(Locale.ROOT));
            }
            if (field.target() == FieldTarget.EMAIL && !field.required()) {
                throw new InvalidFieldException(at + ".required", "The email is required: it identifies the contact");
            }
        }
        if (!targets.contains(FieldTarget.EMAIL)) {
            throw new InvalidFieldException("fields", "Add an email field: submissions are matched to contacts by email");
        }
        return fields.stream().map(f -> new WebForm.Field(f.name(), f.label().strip(), f.target(), f.required()))
                .toList();
    }

    private static String newKey() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireAdmin(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new ForbiddenException("Only an administrator manages web forms");
        }
    }

    private static RecordRef ref(UUID id) {
        return new RecordRef(TYPE, id);
    }

    private static Map<String, Object> auditFields(WebForm f) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", f.name());
        fields.put("ownerId", f.ownerId());
        fields.put("departmentId", f.departmentId());
        fields.put("creates", f.creates());
        fields.put("successUrl", f.successUrl());
        fields.put("successMessage", f.successMessage());
        fields.put("active", f.active());
        fields.put("fields", f.fields().stream()
                .map(x -> x.name() + ":" + x.target() + (x.required() ? "*" : "")).toList());
        return fields;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
