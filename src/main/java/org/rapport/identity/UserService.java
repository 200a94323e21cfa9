package org.rapport.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.rapport.platform.AuditService;
import org.rapport.shared.ConflictException;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PhoneNumber;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and departments: reading them for every module, and the admin's changes to them (audited). */
@Service
public class UserService {

    static final int MIN_PASSWORD = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new user as an admin enters it; a blank password means "generate one and show it once".
     *
     * @param phone the user's direct number as typed, in any common notation; blank for none
     */
    public record NewUser(String email, String name, Role role, UUID departmentId, String password, String phone) {

        public NewUser(String email, String name, Role role, UUID departmentId, String password) {
            this(email, name, role, departmentId, password, null);
        }
    }

    /** An admin's change to a user; {@code version} is the one the admin saw. */
    public record UserChange(String email, String name, Role role, UUID departmentId, boolean active, int version,
                             String phone) {
    }

    /** The created user and, when Rapport generated it, the initial password to hand over once. */
    public record Created(UUID id, String generatedPassword) {
    }

    private final UserRepository users;
    private final DepartmentRepository departments;
    private final PasswordEncoder passwords;
    private final AuditService audit;
    private final String phoneRegion;
    private final ApiTokenCache tokenCache;

    UserService(UserRepository users, DepartmentRepository departments, PasswordEncoder passwords, AuditService audit,
                @Value("${rapport.phone-region:US}") String phoneRegion, ApiTokenCache tokenCache) {
        this.tokenCache = tokenCache;
        this.users = users;
        this.departments = departments;
        this.passwords = passwords;
        this.audit = audit;
        this.phoneRegion = phoneRegion;
    }

    public Optional<UserView> find(UUID id) {
        return users.find(id);
    }

    public List<UserView> list() {
        return users.list();
    }

    /** Active internal users: who may own records (partners never do). */
    public List<UserView> possibleOwners() {
        return users.list().stream().filter(u -> u.active() && u.role() != Role.PARTNER).toList();
    }

    /** The active internal users an {@code @handle} names: the handle is an email address or the part before the @. */
    public List<UserView> byMentionHandles(java.util.Collection<String> handles) {
        return handles.isEmpty() ? List.of() : users.byMentionHandles(handles);
    }

    /** Active internal users by their direct number (E.164), for the phone system. */
    public Map<String, UserView> byPhone(java.util.Collection<String> e164Numbers) {
        Map<String, UserView> found = new LinkedHashMap<>();
        if (!e164Numbers.isEmpty()) {
            users.byPhone(e164Numbers).forEach(u -> found.put(u.phone(), u));
        }
        return found;
    }

    public List<DepartmentView> departments() {
        return departments.list();
    }

    public Optional<DepartmentView> department(UUID id) {
        return departments.find(id);
    }

    @Transactional
    public Created create(CurrentUser admin, NewUser user) {
        requireAdmin(admin);
        String email = normalizeEmail(user.email());
        String name = requireName(user.name());
        if (user.role() == null) {
            throw new InvalidFieldException("role", "Choose a role");
        }
        requireDepartment(user.departmentId());
        if (users.emailTaken(email, null)) {
            throw new InvalidFieldException("email", "A user with this email already exists");
        }
        String phone = normalizePhone(user.phone(), null);
        String generated = user.password() == null || user.password().isBlank() ? randomPassword() : null;
        String password = generated != null ? generated : requirePassword("password", user.password());
        UUID id = users.insert(email, name, passwords.encode(password), user.role(), user.departmentId(),
                admin != null ? admin.id() : null);
        if (phone != null) {
            users.updatePhone(id, phone);
        }
        audit.created(new RecordRef("user", id), withPhone(fields(email, name, user.role(), user.departmentId(), true),
                phone));
        return new Created(id, generated);
    }

    @Transactional
    public void update(CurrentUser admin, UUID id, UserChange change) {
        requireAdmin(admin);
        UserView before = users.find(id).orElseThrow(() -> new NotFoundException("User"));
        String email = normalizeEmail(change.email());
        String name = requireName(change.name());
        if (change.role() == null) {
            throw new InvalidFieldException("role", "Choose a role");
        }
        requireDepartment(change.departmentId());
        if (users.emailTaken(email, id)) {
            throw new InvalidFieldException("email", "A user with this email already exists");
        }
        if (admin.id().equals(id) && (!change.active() || change.role() != Role.ADMIN)) {
            throw new InvalidFieldException("role", "You cannot remove your own admin role or deactivate yourself");
        }
        String phone = normalizePhone(change.phone(), id);
        if (!users.update(id, change.version(), email, name, change.role(), change.departmentId(), change.active())) {
            throw new ConflictException("Someone else changed this user meanwhile; reload and try again");
        }
        tokenCache.evictUser(id);
        users.updatePhone(id, phone);
        audit.updated(new RecordRef("user", id),
                withPhone(fields(before.email(), before.name(), before.role(), before.departmentId(), before.active()),
                        before.phone()),
                withPhone(fields(email, name, change.role(), change.departmentId(), change.active()), phone));
    }

    @Transactional
    public void unlock(CurrentUser admin, UUID id) {
        requireAdmin(admin);
        users.find(id).orElseThrow(() -> new NotFoundException("User"));
        users.unlock(id);
    }

    /** The signed-in user changes their own password, proving they know the current one. */
    @Transactional
    public void changePassword(CurrentUser user, String current, String next, String confirmation) {
        String hash = users.passwordHash(user.id()).orElseThrow(() -> new NotFoundException("User"));
        if (current == null || !passwords.matches(current, hash)) {
            throw new InvalidFieldException("currentPassword", "The current password is not correct");
        }
        requirePassword("newPassword", next);
        if (!next.equals(confirmation)) {
            throw new InvalidFieldException("confirmPassword", "The two new passwords differ");
        }
        if (next.equals(current)) {
            throw new InvalidFieldException("newPassword", "Choose a password different from the current one");
        }
        users.updatePassword(user.id(), passwords.encode(next));
        audit.updated(new RecordRef("user", user.id()), Map.of("password", "(old)"), Map.of("password", "(changed)"));
    }

    @Transactional
    public UUID createDepartment(CurrentUser admin, String name, UUID headUserId) {
        requireAdmin(admin);
        String clean = requireDepartmentName(name, null);
        requireHead(headUserId);
        UUID id = departments.insert(clean, headUserId);
        audit.created(new RecordRef("department", id), departmentFields(clean, headUserId));
        return id;
    }

    @Transactional
    public void updateDepartment(CurrentUser admin, UUID id, String name, UUID headUserId, int version) {
        requireAdmin(admin);
        DepartmentView before = departments.find(id).orElseThrow(() -> new NotFoundException("Department"));
        String clean = requireDepartmentName(name, id);
        requireHead(headUserId);
        if (!departments.update(id, version, clean, headUserId)) {
            throw new ConflictException("Someone else changed this department meanwhile; reload and try again");
        }
        audit.updated(new RecordRef("department", id), departmentFields(before.name(), before.headUserId()),
                departmentFields(clean, headUserId));
    }

    /** Creates the first administrator on an empty database (no caller yet). */
    @Transactional
    UUID createFirstAdmin(String email, String name, String password) {
        UUID id = users.insert(normalizeEmail(email), name, passwords.encode(password), Role.ADMIN, null, null);
        audit.created(new RecordRef("user", id), fields(email, name, Role.ADMIN, null, true));
        return id;
    }

    static String randomPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String normalizeEmail(String email) {
        String clean = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (clean.length() > 320 || !EMAIL.matcher(clean).matches()) {
            throw new InvalidFieldException("email", "Enter a valid email address");
        }
        return clean;
    }

    /** The number in E.164, or null when blank; another user's number is refused. */
    private String normalizePhone(String raw, UUID userId) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String phone;
        try {
            phone = PhoneNumber.parse(raw, phoneRegion).e164();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("phone", e.getMessage());
        }
        if (users.phoneTaken(phone, userId)) {
            throw new InvalidFieldException("phone", "Another user has this number");
        }
        return phone;
    }

    private static Map<String, Object> withPhone(Map<String, Object> fields, String phone) {
        fields.put("phone", phone);
        return fields;
    }

    private static String requireName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new InvalidFieldException("name", "Enter a name of 1 to 200 characters");
        }
        return clean;
    }

    static String requirePassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw new InvalidFieldException(field, "Use at least " + MIN_PASSWORD + " characters");
        }
        return password;
    }

    private String requireDepartmentName(String name, UUID except) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidFieldException("name", "Enter a name of 1 to 100 characters");
        }
        if (departments.nameTaken(clean, except)) {
            throw new InvalidFieldException("name", "A department with this name already exists");
        }
        return clean;
    }

    private void requireDepartment(UUID departmentId) {
        if (departmentId != null && departments.find(departmentId).isEmpty()) {
            throw new InvalidFieldException("departmentId", "No such department");
        }
    }

    private void requireHead(UUID headUserId) {
        if (headUserId != null && users.find(headUserId).filter(UserView::active).isEmpty()) {
            throw new InvalidFieldException("headUserId", "No such active user");
        }
    }

    private static void requireAdmin(CurrentUser caller) {
        if (caller == null || !caller.isAdmin() || !caller.scopes().contains(Scope.ADMIN)) {
            throw new ForbiddenException("Only an administrator may do this");
        }
    }

    private static Map<String, Object> fields(String email, String name, Role role, UUID departmentId, boolean active) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("name", name);
        fields.put("role", role);
        fields.put("departmentId", departmentId);
        fields.put("active", active);
        return fields;
    }

    private static Map<String, Object> departmentFields(String name, UUID headUserId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("headUserId", headUserId);
        return fields;
    }
}
