package cn.lianxin.cockpit;

import cn.lianxin.appeal.CasesAtStep;
import cn.lianxin.identity.Role;
import cn.lianxin.system.ListPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cockpit/diagram/{processKey}}: the live process diagram of a unit (open tasks per node
 * by light), and the cases behind one node.
 */
@RestController
@RequestMapping("/api/cockpit/diagram/{processKey}")
class DiagramController {

    private final DiagramCounts diagrams;
    private final CockpitScope scopes;

    DiagramController(DiagramCounts diagrams, CockpitScope scopes) {
        this.diagrams = diagrams;
        this.scopes = scopes;
    }

    /** {@code ?unit=t01} (default: the caller's widest unit). */
    @GetMapping
    DiagramCounts.Diagram diagram(@PathVariable String processKey, @RequestParam(required = false) String unit) {
        return diagrams.diagram(processKey, scope(unit));
    }

    /** {@code ?unit=&size=20&before=LX-…}: {@code before} is the {@code next} of the page before. */
    @GetMapping("/nodes/{activityId}/cases")
    ListPage<CasesAtStep.Item> cases(
            @PathVariable String processKey,
            @PathVariable String activityId,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) Integer size) {
        return diagrams.cases(
                processKey,
                activityId,
                scope(unit),
                before == null || before.isBlank() ? null : before.trim(),
                ListPage.size(size));
    }

    /** The same reach as the cockpit's figures: a department's tasks are those given to its group. */
    private DiagramScope scope(String unit) {
        CockpitScope.Reach reach = scopes.reach(unit);
        return new DiagramScope(
                reach.unit(), reach.villages(), reach.dept() == null ? null : Role.DEPT.id() + "-" + reach.dept());
    }
}
