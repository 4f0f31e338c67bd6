package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.notification.Template;
import cn.lianxin.supervision.StepEvents;
import cn.lianxin.workflow.EngineClock;
import cn.lianxin.workflow.TaskValues;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The end of the loop (评价 → 建档): the citizen's evaluation, a reopening when they are not satisfied,
 * and the archive with the citizen's last message.
 */
@Component
class CaseClosing {

    private final Appeals appeals;
    private final CaseTimeline timeline;
    private final CaseLights lights;
    private final ApplicationEventPublisher events;

    CaseClosing(Appeals appeals, CaseTimeline timeline, CaseLights lights, ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.timeline = timeline;
        this.lights = lights;
        this.events = events;
    }

    void recordEvaluation(DelegateExecution execution) {
        Satisfaction satisfaction = Satisfaction.valueOf((String) execution.getVariable(SATISFACTION));
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        Instant now = now();
        appeals.recordSatisfaction(trackingNo, satisfaction, now);
        appeals.log(trackingNo, now, null, "EVALUATION", "群众评价：" + satisfaction.label(), true);
    }

    /** Reopens the case at triage; from the second reopening on, the station head is alerted. */
    void reopen(DelegateExecution execution) {
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        Instant now = now();
        int count = appeals.reopen(trackingNo, now);
        appeals.log(trackingNo, now, null, "REOPEN", "群众不满意，重新办理（第 " + count + " 次）", true);
        execution.setVariable(REOPEN_COUNT, count);
        execution.setVariable(ALERT_STATION_HEAD, count >= 2);
        lights.changed(trackingNo);
    }

    void finish(DelegateExecution execution) {
        AppealStatus status = AppealStatus.valueOf((String) execution.getVariable("finalStatus"));
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        Instant now = now();
        appeals.finish(
                trackingNo,
                status,
                now,
                status == AppealStatus.RETURNED
                        ? new TaskValues(execution.getVariables()).list(RETURN_REASONS)
                        : List.of());
        appeals.log(
                trackingNo,
                now,
                null,
                "ARCHIVE",
                switch (status) {
                    case CLOSED -> "已办结并归档";
                    case RETURNED -> "已退回（一次性告知）";
                    case WITHDRAWN -> "群众已撤回诉求";
                    case OPEN -> "办理中";
                },
                true);
        if (status == AppealStatus.CLOSED) {
            Object result = execution.getVariable(RESULT);
            timeline.notifyCitizen(trackingNo, Template.CLOSED, trackingNo, result == null ? "已办结" : result);
        } else if (status == AppealStatus.RETURNED) {
            TaskValues values = new TaskValues(execution.getVariables());
            timeline.notifyCitizen(
                    trackingNo,
                    Template.RETURN_NOTICE,
                    trackingNo,
                    String.join("；", values.list(RETURN_REASONS)),
                    values.text(RETURN_BASIS),
                    values.text(ALTERNATIVES));
        }
        execution.getProcessInstance().setVariable(STATUS, status.name());
        // steps still open (a station head's alert, a visit reply) end with the case, and so do their supervisions
        events.publishEvent(new StepEvents.CaseEnded(trackingNo));
        lights.changed(trackingNo);
    }

    /** The engine's clock, so a test that moves it moves the case's dates with it. */
    private static Instant now() {
        return EngineClock.now();
    }
}
