package org.rapport.sales;

import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.UserService;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The kanban board of a pipeline: a column per stage with its totals, filters by owner, department and close date;
 * dropping a card on another column (SortableJS, static/js/kanban.js) posts the move and gets the board back.
 */
@Controller
@RequestMapping("/deals/board")
class KanbanController {

    private final DealService deals;
    private final PipelineService pipelines;
    private final UserService users;

    KanbanController(DealService deals, PipelineService pipelines, UserService users) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.users = users;
    }

    @GetMapping
    String board(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") DealFilterForm filter,
                 HtmxRequest htmx, Model model) {
        fill(user, filter, model);
        return htmx.isHtmxRequest() && "board".equals(htmx.getTarget()) ? "sales/board :: board" : "sales/board";
    }

    @PostMapping("/move")
    String move(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") DealFilterForm filter,
                @RequestParam UUID dealId, @RequestParam UUID stageId, Model model) {
        try {
            DealView moved = deals.moveToStage(user, dealId, stageId);
            model.addAttribute("moved", moved.name() + " moved to " + moved.stageName() + ".");
        } catch (InvalidFieldException | NotFoundException e) {
            model.addAttribute("moved", "Not moved: " + e.getMessage());
        }
        fill(user, filter, model);
        return "sales/board :: board";
    }

    private void fill(CurrentUser user, DealFilterForm filter, Model model) {
        PipelineView pipeline = filter.pipeline() == null ? pipelines.defaultPipeline() : pipelines.get(filter.pipeline());
        model.addAttribute("board", KanbanBoard.of(pipeline, deals.board(user, filter.filter(pipeline.id()))));
        model.addAttribute("pipelines", pipelines.list());
        model.addAttribute("owners", users.possibleOwners());
        model.addAttribute("departments", users.departments());
    }
}
