package org.rapport.customers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page defining the custom fields of accounts and contacts. */
@Controller
@RequestMapping("/admin/custom-fields")
class AdminCustomFieldsController {

    private final CustomFieldService customFields;

    AdminCustomFieldsController(CustomFieldService customFields) {
        this.customFields = customFields;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accountFields", customFields.definitions(AccountService.TYPE));
        model.addAttribute("contactFields", customFields.definitions(ContactService.TYPE));
        model.addAttribute("types", CustomFieldType.values());
        return "customers/admin-custom-fields";
    }

    @PostMapping
    String define(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "") String entity,
                  @RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String label,
                  @RequestParam(required = false) CustomFieldType type,
                  @RequestParam(defaultValue = "false") boolean required,
                  @RequestParam(defaultValue = "") String options, Model model, RedirectAttributes redirect) {
        try {
            List<String> choices = Arrays.stream(options.split("[,\\n]")).map(String::strip).filter(o -> !o.isEmpty()).toList();
            customFields.define(admin, entity, key.strip(), label, type, required, choices);
            redirect.addFlashAttribute("toast", "Field " + label.strip() + " added.");
            return "redirect:/admin/custom-fields";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            model.addAttribute("draft", Map.of("entity", entity, "key", key, "label", label,
                    "type", type == null ? "" : type.name(), "options", options));
            return list(model);
        }
    }

    @PostMapping("/{id}/active")
    String setActive(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam boolean active,
                     RedirectAttributes redirect) {
        customFields.setActive(admin, id, active);
        redirect.addFlashAttribute("toast", active ? "Field active again." : "Field retired; its values are kept.");
        return "redirect:/admin/custom-fields";
    }
}
