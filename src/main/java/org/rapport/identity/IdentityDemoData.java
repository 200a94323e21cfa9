package org.rapport.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.shared.DemoDataContributor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Demo departments (Sales East, Sales West, Support, Marketing) and a dozen users across every role. */
@Component
class IdentityDemoData implements DemoDataContributor {


    private record DemoUser(String name, String email, Role role, String department, boolean head) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("Elena Marsh", "elena.marsh@example.com", Role.MANAGER, "Sales East", true),
            new DemoUser("Tom Becker", "tom.becker@example.com", Role.SALES_REP, "Sales East", false),
            new DemoUser("Priya Nair", "priya.nair@example.com", Role.SALES_REP, "Sales East", false),
            new DemoUser("Lucas Moreau", "lucas.moreau@example.com", Role.SALES_REP, "Sales East", false),
            new DemoUser("Grace Okafor", "grace.okafor@example.com", Role.MANAGER, "Sales West", true),
            new DemoUser("Diego Alvarez", "diego.alvarez@example.com", Role.SALES_REP, "Sales West", false),
            new DemoUser("Hannah Schultz", "hannah.schultz@example.com", Role.SALES_REP, "Sales West", false),
            new DemoUser("Marco Rossi", "marco.rossi@example.com", Role.MANAGER, "Support", true),
            new DemoUser("Aiko Tanaka", "aiko.tanaka@example.com", Role.SUPPORT_AGENT, "Support", false),
            new DemoUser("Samuel Green", "samuel.green@example.com", Role.SUPPORT_AGENT, "Support", false),
            new DemoUser("Olivia Brown", "olivia.brown@example.com", Role.MARKETER, "Marketing", true),
            new DemoUser("Nora Lindqvist", "nora.lindqvist@example.com", Role.READ_ONLY, null, false),
            new DemoUser("Victor Hale", "victor.hale@partner.example.net", Role.PARTNER, null, false));

    private final UserRepository users;
    private final DepartmentRepository departments;
    private final PasswordEncoder passwords;
    private String password;

    IdentityDemoData(UserRepository users, DepartmentRepository departments, PasswordEncoder passwords) {
        this.users = users;
        this.departments = departments;
        this.passwords = passwords;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void load() {
        Map<String, UUID> departmentIds = new LinkedHashMap<>();
        for (String name : List.of("Sales East", "Sales West", "Support", "Marketing")) {
            departmentIds.put(name, departments.insert(name, null));
        }
        password = UserService.randomPassword();
        String hash = passwords.encode(password);
        for (DemoUser user : USERS) {
            UUID department = user.department() == null ? null : departmentIds.get(user.department());
            UUID id = users.insert(user.email(), user.name(), hash, user.role(), department, null);
            if (user.head()) {
                departments.update(department, 0, user.department(), id);
            }
        }
    }

    /** The demo logins to print once; every demo user shares one random password. */
    String describe() {
        return "Demo users (password " + password + "): elena.marsh@example.com (manager, Sales East), "
                + "tom.becker@example.com (sales rep), aiko.tanaka@example.com (support agent), "
                + "victor.hale@partner.example.net (partner) and more under Admin > Users.";
    }
}
