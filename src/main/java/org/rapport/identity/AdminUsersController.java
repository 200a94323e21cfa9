package org.rapport.identity;

import java.util.Map;
import java.util.UUID;

import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for users: list, create, change role and department, deactivate, unlock. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private final UserService users;

    AdminUsersController(UserService users) {
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.list());
        return "identity/admin-users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserService.NewUser("", "", Role.SALES_REP, null, "", ""));
        return form(model, null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String name, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) UUID departmentId, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String phone, Model model, RedirectAttributes redirect) {
        UserService.NewUser form = new UserService.NewUser(email, name, role, departmentId, password, phone);
        try {
            UserService.Created created = users.create(admin, form);
            redirect.addFlashAttribute("toast", created.generatedPassword() == null
                    ? "User " + email.trim() + " created."
                    : "User " + email.trim() + " created with the password " + created.generatedPassword()
                      + " (shown once: hand it over now).");
            return "redirect:/admin/users";
        } catch (InvalidFieldException e) {
            model.addAttribute("form", new UserService.NewUser(email, name, role, departmentId, "", phone));
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UserView user = users.find(id).orElseThrow(() -> new NotFoundException("User"));
        model.addAttribute("form", user);
        return form(model, user);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) Role role, @RequestParam(required = false) UUID departmentId,
                  @RequestParam(defaultValue = "false") boolean active, @RequestParam int version,
                  @RequestParam(defaultValue = "") String phone, Model model, RedirectAttributes redirect) {
        UserView user = users.find(id).orElseThrow(() -> new NotFoundException("User"));
        try {
            users.update(admin, id, new UserService.UserChange(email, name, role, departmentId, active, version,
                    phone));
            redirect.addFlashAttribute("toast", "User " + email.trim() + " saved.");
            return "redirect:/admin/users";
        } catch (InvalidFieldException e) {
            model.addAttribute("form", new UserView(id, email, name, role, departmentId, null, active,
                    user.lastLoginAt(), user.lockedUntil(), version, phone));
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return form(model, user);
        }
    }

    @PostMapping("/{id}/unlock")
    String unlock(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        users.unlock(admin, id);
        redirect.addFlashAttribute("toast", "Sign-in unlocked.");
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model, UserView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", users.departments());
        return "identity/admin-user-form";
    }
}
