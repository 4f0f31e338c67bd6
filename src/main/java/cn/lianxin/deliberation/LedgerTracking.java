package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.StepContext.actor;
import static cn.lianxin.deliberation.StepContext.now;
import static cn.lianxin.deliberation.StepContext.text;
import static cn.lianxin.deliberation.StepContext.topic;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deadline.Deadline;
import cn.lianxin.deadline.Deadlines;
import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.Ledgers.Milestone;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.supervision.StepEvents;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * 协商后跟踪: the ledger's milestones one after another — each reported and made public, reminded
 * before its date (yellow) and handed to supervision when its date passes without a report (red).
 * When to remind is the deadline module's ({@link Deadlines#remindedBefore}); the timers of {@code
 * report-progress} fire at the dates set here.
 */
@Service
class LedgerTracking {

    private final Topics topics;
    private final TopicLog log;
    private final Ledgers ledgers;
    private final Notices notices;
    private final Deadlines deadlines;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final TopicNews news;

    LedgerTracking(
            Topics topics,
            TopicLog log,
            Ledgers ledgers,
            Notices notices,
            Deadlines deadlines,
            Units units,
            ApplicationEventPublisher events,
            TopicNews news) {
        this.topics = topics;
        this.log = log;
        this.ledgers = ledgers;
        this.notices = notices;
        this.deadlines = deadlines;
        this.units = units;
        this.events = events;
        this.news = news;
    }

    void recordLedger(DelegateExecution execution) {
        Topic topic = topic(topics, execution);
        Instant now = now();
        String unitCode = text(execution, RESPONSIBLE_UNIT);
        Unit unit = units.byCode(unitCode).orElseThrow();
        List<MilestoneInput> milestones = MilestoneInput.parse(execution.getVariable(MILESTONES));
        ledgers.openOrUpdate(topic.deliberationNo(), unitCode, text(execution, MEASURES), now);
        milestones.forEach(m -> ledgers.addMilestone(topic.deliberationNo(), m.title(), m.dueAt()));
        execution.setVariable(RESPONSIBLE_GROUP, responsibleGroup(unit));
        topics.stage(topic.deliberationNo(), Stage.IMPLEMENTING, now);
        log.log(
                topic.deliberationNo(),
                now,
                actor(execution),
                "LEDGER",
                "落实台账：责任单位 " + unit.name() + "，节点 "
                        + milestones.stream().map(MilestoneInput::line).collect(Collectors.joining("；")),
                true);
        nextMilestone(execution);
    }

    void publishProgress(DelegateExecution execution) {
        Topic topic = topic(topics, execution);
        long id = StepContext.id(execution, MILESTONE_ID);
        Milestone milestone = ledgers.milestone(id).orElseThrow();
        String progress = text(execution, PROGRESS);
        Instant now = now();
        ledgers.reportMilestone(id, progress, actor(execution), now);
        boolean late = now.isAfter(milestone.dueAt());
        notices.post(
                topic.deliberationNo(),
                topic.villageCode(),
                NoticeKind.PROGRESS,
                "议题“" + topic.title() + "”落实进展：" + milestone.title(),
                progress,
                now);
        log.log(
                topic.deliberationNo(),
                now,
                actor(execution),
                "PROGRESS",
                "节点“" + milestone.title() + "”进展" + (late ? "（逾期报告）" : "") + "：" + progress,
                true);
        news.tell(topic.deliberationNo(), "“" + milestone.title() + "”" + progress);
        execution.setVariable(PROGRESS, null);
        nextMilestone(execution);
    }

    /**
     * The milestone's light timer ran: the milestone takes the light its reminder and due dates give
     * now, if that is worse than before — yellow reminds the responsible unit, red goes public and to
     * supervision (straight to red when the timer ran only after the date). However early, late or
     * often the timer ran, nothing else happens.
     */
    void milestoneLightChanged(DelegateExecution execution) {
        long id = StepContext.id(execution, MILESTONE_ID);
        Milestone milestone = ledgers.milestone(id).orElseThrow();
        TrafficLight was = TrafficLight.valueOf(milestone.light());
        TrafficLight is = TrafficLight.at(
                now(),
                WorkingDays.instantOf(execution.getVariable(MILESTONE_REMIND_AT)),
                WorkingDays.instantOf(execution.getVariable(MILESTONE_DUE_AT)));
        if (is.compareTo(was) <= 0) {
            return;
        }
        if (is == TrafficLight.RED) {
            flagOverdue(execution, milestone);
        } else {
            remind(execution, milestone);
        }
    }

    /** The reminder before a milestone's date: its light turns yellow and the responsible unit is told. */
    private void remind(DelegateExecution execution, Milestone milestone) {
        String no = text(execution, DELIBERATION_NO);
        long id = milestone.id();
        ledgers.milestoneLight(id, TrafficLight.YELLOW.name());
        String task = lightOnTask(execution, TrafficLight.YELLOW);
        events.publishEvent(new CadreNotice(
                CadreNotice.Kind.DUE_SOON,
                Set.of(),
                Set.of(text(execution, RESPONSIBLE_GROUP)),
                no,
                task,
                no + " 的“落实节点：" + milestone.title() + "”即将到期（" + WorkingDays.format(milestone.dueAt()) + "），请抓紧办理。",
                null));
        log.log(no, now(), null, "LIGHT", "节点“" + milestone.title() + "”临期（黄灯），已提醒责任单位", false);
    }

    /** A milestone passed its date without a report: red, public, and supervision takes it up. */
    private void flagOverdue(DelegateExecution execution, Milestone milestone) {
        String no = text(execution, DELIBERATION_NO);
        long id = milestone.id();
        ledgers.milestoneLight(id, TrafficLight.RED.name());
        String task = lightOnTask(execution, TrafficLight.RED);
        String group = text(execution, RESPONSIBLE_GROUP);
        events.publishEvent(new CadreNotice(
                CadreNotice.Kind.OVERDUE,
                Set.of(),
                Set.of(group),
                no,
                task,
                no + " 的“落实节点：" + milestone.title() + "”已超期（期限 " + WorkingDays.format(milestone.dueAt()) + "），已进入督办。",
                null));
        log.log(no, now(), null, "LIGHT", "节点“" + milestone.title() + "”已超期（红灯），进入督办", true);
        events.publishEvent(new StepEvents.StepTurnedRed(
                no,
                Tasks.REPORT_PROGRESS,
                "报告落实进展（" + milestone.title() + "）",
                List.of(group),
                text(execution, VILLAGE_CODE),
                text(execution, TOWN_CODE)));
    }

    /** The next milestone without a report, for the next {@code report-progress}; none clears it. */
    private void nextMilestone(DelegateExecution execution) {
        String no = text(execution, DELIBERATION_NO);
        ledgers.nextMilestone(no)
                .ifPresentOrElse(
                        m -> {
                            execution.setVariable(MILESTONE_ID, m.id());
                            execution.setVariable(MILESTONE_TITLE, m.title());
                            Deadline deadline = deadlines.remindedBefore(
                                    DeliberationProcess.KEY, Tasks.REPORT_PROGRESS, m.dueAt(), now());
                            execution.setVariable(MILESTONE_DUE_AT, Date.from(deadline.dueAt()));
                            execution.setVariable(MILESTONE_REMIND_AT, Date.from(deadline.warnAt()));
                        },
                        () -> {
                            execution.setVariable(MILESTONE_ID, null);
                            execution.setVariable(MILESTONE_TITLE, null);
                            execution.setVariable(MILESTONE_DUE_AT, null);
                            execution.setVariable(MILESTONE_REMIND_AT, null);
                        });
    }

    /** Puts the milestone's light on its open {@code report-progress} task; answers that task's id (null: none). */
    private String lightOnTask(DelegateExecution execution, TrafficLight light) {
        var tasks = execution.getProcessEngineServices().getTaskService();
        String reporting = null;
        for (var task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Tasks.REPORT_PROGRESS)
                .list()) {
            tasks.setVariableLocal(task.getId(), Milestone.LIGHT_ON_TASK, light.name());
            reporting = task.getId();
        }
        return reporting;
    }

    /** Who reports a ledger's progress: the station head of a village, a town's centre, a department. */
    static String responsibleGroup(Unit unit) {
        return unit.kind() == UnitKind.VILLAGE
                ? Role.STATION_HEAD.groupIdIn(unit.code())
                : unit.kind() == UnitKind.TOWN
                        ? Role.TOWN_CENTER.groupIdIn(unit.code())
                        : Role.DEPT.groupIdIn(unit.code());
    }
}
