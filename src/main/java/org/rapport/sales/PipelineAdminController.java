package org.rapport.sales;

import java.util.List;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.PreconditionFailedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for pipelines: create, rename, make default; add, change, reorder and delete stages. */
@Controller
@RequestMapping("/admin/pipelines")
class PipelineAdminController {

    private final PipelineService pipelines;

    PipelineAdminController(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("pipelines", pipelines.list());
        model.addAttribute("kinds", StageKind.values());
        return "sales/admin-pipelines";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @RequestParam String name, RedirectAttributes redirect) {
        return run(redirect, "Pipeline created.", () -> pipelines.create(admin, name, List.of(
                new PipelineService.StageSpec("New", 10, StageKind.OPEN),
                new PipelineService.StageSpec("Won", 100, StageKind.WON),
                new PipelineService.StageSpec("Lost", 0, StageKind.LOST))));
    }

    @PostMapping("/{id}")
    String rename(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam String name,
                  @RequestParam int version, @RequestParam(defaultValue = "false") boolean makeDefault,
                  RedirectAttributes redirect) {
        return run(redirect, "Pipeline saved.", () -> pipelines.rename(admin, id, name, version, makeDefault));
    }

    @PostMapping("/{id}/stages")
    String addStage(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam String name,
                    @RequestParam(required = false) Integer probability, @RequestParam StageKind kind,
                    RedirectAttributes redirect) {
        return run(redirect, "Stage added.",
                () -> pipelines.addStage(admin, id, new PipelineService.StageSpec(name, probability, kind)));
    }

    @PostMapping("/{id}/stages/{stageId}")
    String updateStage(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @PathVariable UUID stageId,
                       @RequestParam String name, @RequestParam(required = false) Integer probability,
                       @RequestParam StageKind kind, @RequestParam int position, RedirectAttributes redirect) {
        return run(redirect, "Stage saved.", () -> pipelines.updateStage(admin, id, stageId,
                new PipelineService.StageSpec(name, probability, kind), position));
    }

    @PostMapping("/{id}/stages/{stageId}/delete")
    String deleteStage(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @PathVariable UUID stageId,
                       RedirectAttributes redirect) {
        return run(redirect, "Stage deleted.", () -> pipelines.deleteStage(admin, id, stageId));
    }

    private static String run(RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("toast", done);
        } catch (InvalidFieldException | PreconditionFailedException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
        }
        return "redirect:/admin/pipelines";
    }
}
