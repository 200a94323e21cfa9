package org.rapport.email;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.AuditService;
import org.rapport.shared.ConflictException;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the shared SMTP sender; its password is stored encrypted and never shown again. */
@Service
class SmtpSettingsService {

    static final String PURPOSE = "smtp";
    private static final RecordRef SETTINGS = new RecordRef("email_smtp_settings", new UUID(0, 2));

    /** What the settings form sends; a blank password keeps the stored one unless {@code clearPassword}. */
    record Form(String host, Integer port, SmtpSecurity security, String username, String password,
                boolean clearPassword, String fromAddress, String fromName, boolean enabled, int version) {
    }

    /** The settings with the decrypted password, for the moment of sending. */
    record Connection(SmtpSettings settings, String password) {
    }

    private final SmtpSettingsRepository repository;
    private final SecretBox secrets;
    private final AuditService audit;

    SmtpSettingsService(SmtpSettingsRepository repository, SecretBox secrets, AuditService audit) {
        this.repository = repository;
        this.secrets = secrets;
        this.audit = audit;
    }

    SmtpSettings current() {
        return repository.read().settings();
    }

    Connection connection() {
        SmtpSettingsRepository.Stored stored = repository.read();
        return new Connection(stored.settings(),
                stored.passwordSecret() == null ? null : secrets.decrypt(stored.passwordSecret(), PURPOSE));
    }

    @Transactional
    void save(CurrentUser admin, Form form) {
        if (!admin.isAdmin()) {
            throw new ForbiddenException("Only an administrator changes the email sender");
        }
        SmtpSettings before = current();
        SmtpSecurity security = form.security() == null ? SmtpSecurity.STARTTLS : form.security();
        String password = Fields.password("password", form.password());
        SmtpSettings after = new SmtpSettings(Fields.host("host", form.host(), form.enabled()),
                Fields.port("port", form.port()), security,
                Fields.line("username", form.username(), 320, false, null),
                form.clearPassword() ? false : password != null || before.passwordSet(),
                Fields.email("fromAddress", form.fromAddress(), form.enabled()),
                Fields.line("fromName", form.fromName(), 200, false, null), form.enabled(), null, form.version());
        if (after.username() != null && !after.passwordSet()) {
            throw new InvalidFieldException("password", "Enter the password for " + after.username());
        }
        boolean keep = password == null && !form.clearPassword();
        String secret = password == null ? null : secrets.encrypt(password, PURPOSE);
        if (!repository.save(after, keep, secret, admin.id())) {
            throw new ConflictException("Someone else changed the settings meanwhile; reload the page");
        }
        Map<String, Object> old = auditFields(before);
        Map<String, Object> now = auditFields(after);
        if (password != null || form.clearPassword()) {
            now.put("password", password != null ? "(changed)" : "not set");
        }
        audit.updated(SETTINGS, old, now);
    }

    private static Map<String, Object> auditFields(SmtpSettings s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("host", s.host());
        fields.put("port", s.port());
        fields.put("security", s.security().name());
        fields.put("username", s.username());
        fields.put("password", s.passwordSet() ? "set" : "not set");
        fields.put("fromAddress", s.fromAddress());
        fields.put("fromName", s.fromName());
        fields.put("enabled", s.enabled());
        return fields;
    }
}
