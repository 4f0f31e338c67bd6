package cn.lianxin.cockpit;

import cn.lianxin.appeal.CasesAtStep;
import cn.lianxin.service.OrderFigures;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineClock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cockpit}: the figures of a unit and period, its children's rankings and the cases behind
 * a figure, for leaders, supervisors and administrators (the county), town centres (their town),
 * station heads (their village) and departments (their own cases).
 */
@RestController
@RequestMapping("/api/cockpit")
class CockpitController {

    /** The service orders' figures (群众点单) of a unit and period. */
    record OrderFiguresView(CockpitFigures.UnitView unit, LocalDate from, LocalDate to, OrderFigures.Figures figures) {}

    private final CockpitScope scope;
    private final CockpitFigures figures;
    private final CockpitRankings rankings;
    private final CockpitCases cases;
    private final OrderFigures orderFigures;

    CockpitController(
            CockpitScope scope,
            CockpitFigures figures,
            CockpitRankings rankings,
            CockpitCases cases,
            OrderFigures orderFigures) {
        this.scope = scope;
        this.figures = figures;
        this.rankings = rankings;
        this.cases = cases;
        this.orderFigures = orderFigures;
    }

    /** {@code ?unit=c01&from=2026-11-01&to=2026-11-30}; defaults: the caller's widest unit, this month. */
    @GetMapping("/figures")
    CockpitFigures.Figures figures(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        CockpitScope.Reach reach = scope.reach(unit);
        return figures.of(reach, scope.period(from, to, EngineClock.now()));
    }

    /**
     * {@code ?unit=c01&from&to}: the service orders of the county, a town or a village (a department has none:
     * 403); defaults as for the figures.
     */
    @GetMapping("/orders")
    OrderFiguresView orders(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        CockpitScope.Reach reach = orderReach(unit);
        CockpitScope.Period period = scope.period(from, to, EngineClock.now());
        return new OrderFiguresView(
                CockpitFigures.UnitView.of(reach.unit()),
                period.from(),
                period.to(),
                orderFigures.ofPeriod(reach.villages(), period.start(), period.end()));
    }

    /**
     * {@code ?unit&from&to&status&category&size=20&before=}: the orders behind the service-order figures —
     * placed in the period, of a status, of a category — newest first; no resident or member in them.
     */
    @GetMapping("/orders/list")
    ListPage<OrderFigures.PlacedOrder> orderList(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String before) {
        CockpitScope.Reach reach = orderReach(unit);
        CockpitScope.Period period = scope.period(from, to, EngineClock.now());
        int shown = ListPage.size(size);
        return ListPage.after(
                orderFigures.placed(
                        reach.villages(), period.start(), period.end(), status, category, before, shown + 1),
                shown,
                OrderFigures.PlacedOrder::orderNo);
    }

    /** The unit of a service-order request: a department has no orders (403). */
    private CockpitScope.Reach orderReach(String unit) {
        CockpitScope.Reach reach = scope.reach(unit);
        if (reach.dept() != null) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        return reach;
    }

    /** {@code ?unit=c01&from&to&by=onTimeRate|satisfactionRate|red}. */
    @GetMapping("/rankings")
    CockpitRankings.Ranking rankings(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String by) {
        CockpitScope.Reach reach = scope.reach(unit);
        CockpitScope.Period period = scope.period(from, to, EngineClock.now());
        return rankings.of(reach, period, CockpitRankings.By.of(by));
    }

    /** {@code ?unit&from&to&light&path&category&status&mark&size=20&before=}; no dates: every period. */
    @GetMapping("/cases")
    ListPage<CasesAtStep.Item> cases(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String light,
            @RequestParam(required = false) String path,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String mark,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String before) {
        CockpitScope.Reach reach = scope.reach(unit);
        CockpitScope.Period period =
                scope.optionalPeriod(from, to, EngineClock.now()).orElse(null);
        return cases.list(
                reach,
                period,
                new CockpitCases.Filters(light, path, category, status, mark),
                before == null || before.isBlank() ? null : before.trim(),
                ListPage.size(size));
    }
}
