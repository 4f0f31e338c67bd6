package cn.lianxin.appeal;

import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a citizen does with their access code: follow the case, evaluate it, withdraw it — through
 * {@code /api/appeals} and through the portal's pages.
 */
@Service
public class AppealPortal {

    /** One step of the case as the citizen reads it. */
    public record TimelineEntry(Instant at, String entry) {}

    /** The case as its citizen sees it: personal data masked, no cadre's name. */
    public record PublicView(
            String trackingNo,
            String status,
            String statusLabel,
            String currentStep,
            String category,
            String categoryLabel,
            String village,
            String path,
            String pathLabel,
            String citizen,
            String description,
            String location,
            Instant submittedAt,
            Instant closedAt,
            Instant dueAt,
            String light,
            String lightLabel,
            boolean canEvaluate,
            String handledBy,
            List<LinkedTopics.Topic> deliberations,
            List<TimelineEntry> timeline) {}

    private final Appeals appeals;
    private final AccessCodes accessCodes;
    private final Units units;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final List<LinkedTopics> linkedTopics;

    AppealPortal(
            Appeals appeals,
            AccessCodes accessCodes,
            Units units,
            RuntimeService runtime,
            TaskService tasks,
            List<LinkedTopics> linkedTopics) {
        this.linkedTopics = linkedTopics;
        this.appeals = appeals;
        this.accessCodes = accessCodes;
        this.units = units;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /**
     * @throws ApiProblemException 404 {@code appeal-not-found} for an unknown number or a wrong code
     *     (the same answer), 429 when too many codes were tried
     */
    public PublicView view(String trackingNo, String accessCode, String clientAddress) {
        Appeal appeal = authorised(trackingNo, accessCode, clientAddress);
        List<Task> open = appeal.processInstanceId() == null
                ? List.of()
                : tasks.createTaskQuery()
                        .processInstanceId(appeal.processInstanceId())
                        .list();
        boolean awaitingEvaluation = awaitingEvaluation(appeal);
        String step =
                switch (appeal.status()) {
                    case OPEN -> awaitingEvaluation
                            ? "已反馈办理结果，等待您的评价"
                            : open.isEmpty()
                                    ? "正在办理"
                                    : PublicProgress.step(open.get(0).getTaskDefinitionKey());
                    default -> appeal.status().label();
                };
        return new PublicView(
                appeal.trackingNo(),
                appeal.status().name(),
                appeal.status().label(),
                step,
                appeal.category().code(),
                appeal.category().label(),
                units.byCode(appeal.villageCode()).map(Unit::name).orElse(appeal.villageCode()),
                appeal.path() == null ? null : appeal.path().name(),
                appeal.path() == null ? null : appeal.path().label(),
                appeal.maskedCitizen(),
                appeal.description(),
                appeal.location(),
                appeal.createdAt(),
                appeal.closedAt(),
                open.stream()
                        .map(Task::getDueDate)
                        .filter(java.util.Objects::nonNull)
                        .map(java.util.Date::toInstant)
                        .min(Instant::compareTo)
                        .orElse(null),
                appeal.status() == AppealStatus.OPEN ? appeal.light().name() : null,
                appeal.status() == AppealStatus.OPEN ? appeal.light().label() : null,
                awaitingEvaluation,
                handledBy(open),
                linkedTopics.stream().flatMap(l -> l.of(trackingNo).stream()).toList(),
                appeals.log(trackingNo).stream()
                        .filter(CaseLogEntry::shownToCitizen)
                        .map(e -> new TimelineEntry(e.loggedAt(), e.entry()))
                        .toList());
    }

    /** The citizen's evaluation; 409 {@code not-awaiting-evaluation} when the case does not ask for one. */
    @Transactional
    public void evaluate(
            String trackingNo, String accessCode, String clientAddress, Satisfaction satisfaction, String comment) {
        Appeal appeal = authorised(trackingNo, accessCode, clientAddress);
        try {
            runtime.createMessageCorrelation(AppealProcess.Messages.EVALUATED)
                    .processInstanceBusinessKey(appeal.trackingNo())
                    .setVariables(Map.of(
                            AppealProcess.Variables.SATISFACTION,
                            satisfaction.name(),
                            AppealProcess.Variables.EVALUATION_COMMENT,
                            comment == null ? "" : comment))
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "not-awaiting-evaluation");
        }
    }

    /** The citizen withdraws an open case with a reason (logged); 409 {@code appeal-finished} otherwise. */
    @Transactional
    public void withdraw(String trackingNo, String accessCode, String clientAddress, String reason) {
        Appeal appeal = authorised(trackingNo, accessCode, clientAddress);
        if (appeal.status() != AppealStatus.OPEN) {
            throw new ApiProblemException(
                    HttpStatus.CONFLICT, "appeal-finished", appeal.status().label());
        }
        appeals.log(trackingNo, EngineClock.now(), "群众", "WITHDRAWAL", "群众申请撤回：" + reason, true);
        runtime.createMessageCorrelation(AppealProcess.Messages.WITHDRAWN)
                .processInstanceBusinessKey(appeal.trackingNo())
                .correlate();
    }

    /**
     * The units whose roles may work the case's open steps ("东风社区", "城管"), never a person: from
     * the steps' candidate groups; null when no open step names a unit.
     */
    private String handledBy(List<Task> open) {
        List<String> names = open.stream()
                .flatMap(task -> tasks.getIdentityLinksForTask(task.getId()).stream())
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> Role.unitCodeOf(link.getGroupId()))
                .flatMap(java.util.Optional::stream)
                .distinct()
                .map(code -> units.byCode(code).map(Unit::name).orElse(code))
                .toList();
        return names.isEmpty() ? null : String.join("、", names);
    }

    private boolean awaitingEvaluation(Appeal appeal) {
        return appeal.processInstanceId() != null
                && runtime.createEventSubscriptionQuery()
                                .processInstanceId(appeal.processInstanceId())
                                .eventName(AppealProcess.Messages.EVALUATED)
                                .count()
                        > 0;
    }

    /**
     * The same answer, after the same work, for an unknown number and a wrong code: nothing to
     * learn by guessing, neither from the body nor from the time it takes. Guesses are limited per
     * client address and per number before anything is compared.
     */
    private Appeal authorised(String trackingNo, String accessCode, String clientAddress) {
        String hash = appeals.accessCodeHash(trackingNo).orElse(null);
        if (!accessCodes.opens(trackingNo, accessCode, hash, clientAddress)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "appeal-not-found");
        }
        return appeals.byTrackingNo(trackingNo).orElseThrow();
    }
}
