package org.rapport.email;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.AuditService;
import org.rapport.shared.ConflictException;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.RecordRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Email templates: everyone uses them when composing, administrators manage them. */
@Service
class EmailTemplateService {

    private static final String TYPE = "email_template";

    private final EmailTemplateRepository templates;
    private final AuditService audit;

    EmailTemplateService(EmailTemplateRepository templates, AuditService audit) {
        this.templates = templates;
        this.audit = audit;
    }

    List<EmailTemplate> list() {
        return templates.list();
    }

    EmailTemplate get(UUID id) {
        return templates.find(id).orElseThrow(() -> new NotFoundException("Email template"));
    }

    @Transactional
    UUID create(CurrentUser admin, String name, String subject, String body) {
        requireAdmin(admin);
        String cleanName = validName(name, null);
        String cleanSubject = validSubject(subject);
        String cleanBody = validBody(body);
        UUID id = templates.insert(cleanName, cleanSubject, cleanBody, admin.id());
        audit.created(new RecordRef(TYPE, id), fields(cleanName, cleanSubject, cleanBody));
        return id;
    }

    @Transactional
    void update(CurrentUser admin, UUID id, int version, String name, String subject, String body) {
        requireAdmin(admin);
        EmailTemplate before = get(id);
        String cleanName = validName(name, id);
        String cleanSubject = validSubject(subject);
        String cleanBody = validBody(body);
        if (!templates.update(id, version, cleanName, cleanSubject, cleanBody)) {
            throw new ConflictException("The template changed meanwhile; reload it");
        }
        audit.updated(new RecordRef(TYPE, id), fields(before.name(), before.subject(), before.body()),
                fields(cleanName, cleanSubject, cleanBody));
    }

    @Transactional
    void delete(CurrentUser admin, UUID id) {
        requireAdmin(admin);
        EmailTemplate before = get(id);
        templates.delete(id);
        audit.deleted(new RecordRef(TYPE, id), fields(before.name(), before.subject(), before.body()));
    }

    private String validName(String name, UUID except) {
        String clean = Fields.line("name", name, 200, true, "Name the template");
        if (templates.nameTaken(clean, except)) {
            throw new InvalidFieldException("name", "Another template has this name");
        }
        return clean;
    }

    static String validSubject(String subject) {
        return Fields.line("subject", subject, 500, true, "Write a subject");
    }

    static String validBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidFieldException("body", "Write the text of the email");
        }
        if (body.length() > 100_000) {
            throw new InvalidFieldException("body", "Keep the text under 100,000 characters");
        }
        return body.strip().replace("\r\n", "\n");
    }

    private static Map<String, Object> fields(String name, String subject, String body) {
        return Map.of("name", name, "subject", subject, "body", body);
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new ForbiddenException("Only an administrator manages email templates");
        }
    }
}
