package cn.lianxin.appeal;

import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * 全程跟踪: a station follows its village's cases all the way — through the town and the
 * departments — and a town centre follows its villages'. Leaders and supervisors see every case.
 * Personal data stays masked here; the full log (with who did what) is for cadres only.
 */
@Service
class StationCases {

    record CaseSummary(
            String trackingNo,
            String status,
            String statusLabel,
            String categoryLabel,
            String village,
            String pathLabel,
            String citizen,
            Instant submittedAt,
            Instant closedAt,
            int reopenCount) {}

    record OpenStep(String taskKey, String name, List<String> candidateGroups, String assignee, Instant due) {}

    record CaseDetail(
            CaseSummary summary,
            String description,
            String location,
            List<OpenStep> openSteps,
            List<CaseLogEntry> log) {}

    private final Appeals appeals;
    private final Units units;
    private final IdentityService identity;
    private final TaskService tasks;
    private final EngineAsPlatform platform;

    StationCases(Appeals appeals, Units units, IdentityService identity, TaskService tasks, EngineAsPlatform platform) {
        this.platform = platform;
        this.appeals = appeals;
        this.units = units;
        this.identity = identity;
        this.tasks = tasks;
    }

    /**
     * A page of the cases the cadre follows, newest first (by submission, then number), optionally of
     * one status, going on after the case {@code before} (the {@code next} of the page before). Two
     * statements at most whatever the size — the position of {@code before}, then the page — with the
     * unit names from {@link Units}' kept tree. A {@code before} the cadre does not follow is a 400
     * naming it, like one that does not exist.
     */
    ListPage<CaseSummary> list(AppealStatus status, String before, int size) {
        Set<String> villages = visibleVillages();
        Appeals.Position after = null;
        if (before != null) {
            after = (before.length() > 32 ? Optional.<Appeals.Position>empty() : appeals.positionOf(before, villages))
                    .orElseThrow(() -> ApiProblemException.invalid(
                            List.of(new ApiProblemException.FieldError("before", "应为上一页 next 给出的受理编号"))));
        }
        return ListPage.after(appeals.newest(villages, status, after, size + 1), size, Appeal::trackingNo)
                .map(this::summary);
    }

    CaseDetail detail(String trackingNo) {
        Set<String> villages = visibleVillages();
        Appeal appeal = appeals.byTrackingNo(trackingNo)
                .filter(a -> villages == null || villages.contains(a.villageCode()))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        List<OpenStep> steps = appeal.processInstanceId() == null ? List.of() : openSteps(appeal.processInstanceId());
        return new CaseDetail(summary(appeal), appeal.description(), appeal.location(), steps, appeals.log(trackingNo));
    }

    /**
     * Where the case is now, whoever holds it. The engine would show a station only its own tasks;
     * following the case through the town and the departments is exactly what the station may do,
     * and {@link #detail} has already checked that the case is the cadre's, so this one read runs
     * without the engine's per-task check.
     */
    private List<OpenStep> openSteps(String processInstanceId) {
        return platform.call(() -> tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(task -> new OpenStep(
                        task.getTaskDefinitionKey(),
                        task.getName(),
                        tasks.getIdentityLinksForTask(task.getId()).stream()
                                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                                .map(IdentityLink::getGroupId)
                                .toList(),
                        task.getAssignee(),
                        task.getDueDate() == null ? null : task.getDueDate().toInstant()))
                .toList());
    }

    /** The villages whose cases the signed-in cadre follows, or {@code null} for all of them. */
    private Set<String> visibleVillages() {
        return units.caseVillagesVisibleTo(
                CurrentUser.of(identity).map(CurrentUser::groupIds).orElse(List.of()));
    }

    private CaseSummary summary(Appeal appeal) {
        return new CaseSummary(
                appeal.trackingNo(),
                appeal.status().name(),
                appeal.status().label(),
                appeal.category().label(),
                units.byCode(appeal.villageCode()).map(Unit::name).orElse(appeal.villageCode()),
                appeal.path() == null ? null : appeal.path().label(),
                appeal.maskedCitizen(),
                appeal.createdAt(),
                appeal.closedAt(),
                appeal.reopenCount());
    }
}
