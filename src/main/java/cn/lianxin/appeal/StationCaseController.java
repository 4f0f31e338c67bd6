package cn.lianxin.appeal;

import cn.lianxin.system.ListPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases}: the cases a cadre follows (全程跟踪), newest first, a page at a time. */
@RestController
@RequestMapping("/api/cases")
class StationCaseController {

    private final StationCases cases;

    StationCaseController(StationCases cases) {
        this.cases = cases;
    }

    /** {@code ?status=OPEN&size=20&before=LX-…}: {@code before} is the {@code next} of the page before. */
    @GetMapping
    ListPage<StationCases.CaseSummary> list(
            @RequestParam(required = false) AppealStatus status,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) Integer size) {
        return cases.list(status, before == null || before.isBlank() ? null : before.trim(), ListPage.size(size));
    }

    @GetMapping("/{trackingNo}")
    StationCases.CaseDetail detail(@PathVariable String trackingNo) {
        return cases.detail(trackingNo);
    }
}
