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

/** Admin pages for departments (teams) and their heads. */
@Controller
@RequestMapping("/admin/departments")
class AdminDepartmentsController {

    private final UserService users;

    AdminDepartmentsController(UserService users) {
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("departments", users.departments());
        model.addAttribute("users", users.list().stream().filter(UserView::active).toList());
        return "identity/admin-departments";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) UUID headUserId, Model model, RedirectAttributes redirect) {
        try {
            users.createDepartment(admin, name, headUserId);
            redirect.addFlashAttribute("toast", "Department " + name.strip() + " created.");
            return "redirect:/admin/departments";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            model.addAttribute("name", name);
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        model.addAttribute("department", users.department(id).orElseThrow(() -> new NotFoundException("Department")));
        model.addAttribute("users", users.list().stream().filter(UserView::active).toList());
        return "identity/admin-department-form";
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String name, @RequestParam(required = false) UUID headUserId,
                  @RequestParam int version, Model model, RedirectAttributes redirect) {
        DepartmentView department = users.department(id).orElseThrow(() -> new NotFoundException("Department"));
        try {
            users.updateDepartment(admin, id, name, headUserId, version);
            redirect.addFlashAttribute("toast", "Department " + name.strip() + " saved.");
            return "redirect:/admin/departments";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            model.addAttribute("department", new DepartmentView(id, name, headUserId, null, department.members(), version));
            model.addAttribute("users", users.list().stream().filter(UserView::active).toList());
            return "identity/admin-department-form";
        }
    }
}
