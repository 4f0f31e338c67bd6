package cn.lianxin.appeal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases}: the cases a cadre follows (全程跟踪), newest first. */
@RestController
@RequestMapping("/api/cases")
class StationCaseController {

    private final StationCases cases;

    StationCaseController(StationCases cases) {
        this.cases = cases;
    }

    @GetMapping
    List<StationCases.CaseSummary> list(@RequestParam(required = false) AppealStatus status) {
        return cases.list(status);
    }

    @GetMapping("/{trackingNo}")
    StationCases.CaseDetail detail(@PathVariable String trackingNo) {
        return cases.detail(trackingNo);
    }
}
