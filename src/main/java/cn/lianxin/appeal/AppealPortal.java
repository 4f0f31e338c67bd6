package cn.lianxin.appeal;

import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.citizen.Satisfaction;
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
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a citizen does with their access code: follow the case, evaluate it, withdraw it. */
@Service
class AppealPortal {

    record TimelineEntry(Instant at, String entry) {}

    record PublicView(
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

    PublicView view(String trackingNo, String accessCode, String clientAddress) {
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
                linkedTopics.stream().flatMap(l -> l.of(trackingNo).stream()).toList(),
                appeals.log(trackingNo).stream()
                        .filter(CaseLogEntry::shownToCitizen)
                        .map(e -> new TimelineEntry(e.loggedAt(), e.entry()))
                        .toList());
    }

    @Transactional
    void evaluate(
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

    @Transactional
    void withdraw(String trackingNo, String accessCode, String clientAddress, String reason) {
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

    boolean awaitingEvaluation(Appeal appeal) {
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
    Appeal authorised(String trackingNo, String accessCode, String clientAddress) {
        String hash = appeals.accessCodeHash(trackingNo).orElse(null);
        if (!accessCodes.opens(trackingNo, accessCode, hash, clientAddress)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "appeal-not-found");
        }
        return appeals.byTrackingNo(trackingNo).orElseThrow();
    }
}
