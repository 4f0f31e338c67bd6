package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;

import cn.lianxin.appeal.CaseTimeline;
import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.deliberation.DeliberationCompletionRules.MilestoneInput;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.Deliberations.Milestone;
import cn.lianxin.deliberation.Deliberations.NoticeKind;
import cn.lianxin.deliberation.Deliberations.Topic;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import cn.lianxin.supervision.StepEvents;
import cn.lianxin.workflow.FormOptions;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.TaskValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What the deliberation process does at each step besides waiting for people: the topic's tables
 * follow the process, notices go on the unit's board, the proposer and linked cases hear of every
 * turn, and an overdue milestone goes to supervision.
 */
@Service("deliberationSteps")
public class DeliberationSteps {

    /** Task-local variable: the light of a milestone's report. */
    static final String LIGHT = "light";

    private final Deliberations deliberations;
    private final DeliberationRules rules;
    private final cn.lianxin.deadline.DeadlineRules deadlines;
    private final WorkingDays workingDays;
    private final Units units;
    private final Representatives representatives;
    private final Notifications notifications;
    private final CaseTimeline cases;
    private final ApplicationEventPublisher events;
    private final DeliberationCompletionRules completionRules;

    DeliberationSteps(
            Deliberations deliberations,
            DeliberationRules rules,
            cn.lianxin.deadline.DeadlineRules deadlines,
            WorkingDays workingDays,
            Units units,
            Representatives representatives,
            Notifications notifications,
            CaseTimeline cases,
            ApplicationEventPublisher events) {
        this.deliberations = deliberations;
        this.rules = rules;
        this.deadlines = deadlines;
        this.workingDays = workingDays;
        this.units = units;
        this.representatives = representatives;
        this.notifications = notifications;
        this.cases = cases;
        this.events = events;
        this.completionRules = new DeliberationCompletionRules(new DeliberationCompletionRules.Facts() {
            @Override
            public Instant now() {
                return DeliberationSteps.now();
            }

            @Override
            public Instant noticeEndsIfPublishedNow(String villageCode) {
                return workingDays.add(now(), rules.noticeDays(villageCode));
            }

            @Override
            public Set<String> representativesOf(String villageCode) {
                return representatives(villageCode).keySet();
            }

            @Override
            public MeetingRules meetingRulesOf(String villageCode) {
                return rules.meetingRules(villageCode);
            }

            @Override
            public boolean mayMergeInto(String deliberationNo, String target, String villageCode) {
                return !target.equals(deliberationNo)
                        && deliberations
                                .byNo(target)
                                .filter(t -> t.villageCode().equals(villageCode) && t.status() == null)
                                .isPresent();
            }

            @Override
            public boolean isUnit(String code) {
                return units.byCode(code).isPresent();
            }
        });
    }

    // ---- due dates (BPMN expressions) ----

    /** {@code ${deliberationSteps.dueAt('topic-review', execution)}}: the host's working days for a task. */
    public Date dueAt(String taskKey, DelegateExecution execution) {
        Integer days = rules.workingDaysFor(taskKey);
        return days == null ? null : Date.from(workingDays.add(start(taskKey, execution), days));
    }

    /**
     * {@code ${deliberationSteps.warnAt('topic-review', execution)}}: the follow-up date (临期), after
     * the same share of the working time as every deadline ({@code lianxin.deadlines.warning-share}).
     */
    public Date warnAt(String taskKey, DelegateExecution execution) {
        Integer days = rules.workingDaysFor(taskKey);
        if (days == null) {
            return null;
        }
        long seconds = Math.round(java.time.Duration.ofDays(days).toSeconds() * deadlines.warningShare());
        return Date.from(workingDays.addWorkingTime(start(taskKey, execution), java.time.Duration.ofSeconds(seconds)));
    }

    /** A meeting is recorded after it was held; every other task's time starts now. */
    private static Instant start(String taskKey, DelegateExecution execution) {
        Instant from = now();
        if (Tasks.MEETING_RECORD.equals(taskKey) && execution.getVariable(MEETING_AT) != null) {
            Instant meeting = WorkingDays.instantOf(execution.getVariable(MEETING_AT));
            return meeting.isAfter(from) ? meeting : from;
        }
        return from;
    }

    // ---- task listeners ----

    /** The create listener of every user task: what its form shows beyond the process variables. */
    void taskCreated(DelegateTask task) {
        String no = (String) task.getVariable(DELIBERATION_NO);
        String village = (String) task.getVariable(VILLAGE_CODE);
        switch (task.getTaskDefinitionKey()) {
            case Tasks.TOPIC_REVIEW -> task.setVariableLocal(
                    "mergeOptions",
                    FormOptions.of(deliberations.openTopicsOf(village).stream()
                            .filter(t -> !t.deliberationNo().equals(no))
                            .map(t -> option(t.deliberationNo() + " " + t.title(), t.deliberationNo()))
                            .toList()));
            case Tasks.REVIEW_OPINIONS -> task.setVariableLocal(OPINIONS_SUMMARY, opinionsSummary(no));
            case Tasks.MEETING_RECORD -> {
                Map<String, String> reps = representatives(village);
                task.setVariableLocal(
                        REPRESENTATIVE_OPTIONS,
                        FormOptions.of(reps.entrySet().stream()
                                .map(e -> option(e.getValue() + "（" + e.getKey() + "）", e.getKey()))
                                .toList()));
                MeetingRules meeting = rules.meetingRules(village);
                task.setVariableLocal(
                        QUORUM_NOTE,
                        "本单位议事代表 " + reps.size() + " 人，至少 " + meeting.required(reps.size())
                                + " 人到会方可表决；赞成票须超过到会人数的 " + Math.round(meeting.passShare() * 100)
                                + "%。未达到法定人数时请如实登记到会名单、票数填 0，系统将另行召集。");
            }
            case Tasks.REPORT_PROGRESS -> task.setVariableLocal(LIGHT, TrafficLight.GREEN.name());
            case Tasks.SET_UP_LEDGER -> {
                task.setVariableLocal(
                        "unitOptions",
                        FormOptions.of(units.all().stream()
                                .map(u -> option(u.name() + "（" + u.code() + "）", u.code()))
                                .toList()));
                task.setVariableLocal(LEDGER_SUMMARY, ledgerSummary(no));
            }
            case Tasks.CONFIRM_COMPLETION -> task.setVariableLocal(LEDGER_SUMMARY, ledgerSummary(no));
            default -> {}
        }
    }

    /** Refuses a completion whose data breaks the task's rules (see {@link DeliberationTaskRules}). */
    void checkCompletion(String taskKey, Map<String, Object> values) {
        var problems = completionRules.problems(taskKey, new TaskValues(values));
        if (!problems.isEmpty()) {
            throw new TaskDataRejected(problems);
        }
    }

    /** The complete listener of every user task: what the host decided goes on record. */
    void taskCompleting(DelegateTask task) {
        String no = (String) task.getVariable(DELIBERATION_NO);
        TaskValues values = new TaskValues(task.getVariables());
        String actor = actor(task);
        Instant now = now();
        switch (task.getTaskDefinitionKey()) {
            case Tasks.TOPIC_REVIEW -> {
                String decision = values.text(DECISION);
                deliberations.recordReview(no, values.text(REASONS), null, now);
                if ("ACCEPT".equals(decision)) {
                    deliberations.stage(no, Stage.PLANNING, now);
                    deliberations.log(no, now, actor, "REVIEW", "议题已受理，进入拟定协商方案", true);
                    tell(no, "议题已受理，正在拟定协商方案");
                }
            }
            case Tasks.PREPARE_PLAN -> task.setVariable(
                    MEETING_AT, Date.from(DeliberationCompletionRules.instant(values, MEETING_AT)));
            case Tasks.REVIEW_OPINIONS -> {
                boolean significant = Boolean.TRUE.equals(values.bool(OBJECTIONS_SIGNIFICANT));
                String response = values.text(OPINION_RESPONSE);
                deliberations.log(
                        no,
                        now,
                        actor,
                        "OPINIONS",
                        significant
                                ? "公示期间的异议重大，修改方案后重新公示：" + response
                                : "公示期满，意见已研判，按方案召开协商会议" + (response == null ? "" : "：" + response),
                        true);
                deliberations.stage(no, significant ? Stage.PLANNING : Stage.MEETING, now);
                answerCommenters(no, ((Number) task.getVariable(NOTICE_ID)).longValue(), significant, response);
            }
            case Tasks.MEETING_RECORD -> {
                List<String> attendees = values.list(ATTENDEES);
                task.setVariable(
                        ATTENDEES,
                        Variables.objectValue(new ArrayList<>(attendees == null ? List.of() : attendees))
                                .serializationDataFormat("application/json")
                                .create());
            }
            case Tasks.SET_UP_LEDGER -> task.setVariable(
                    MILESTONES, values.text(MILESTONES) == null ? "" : milestonesText(values.raw(MILESTONES)));
            case Tasks.REPORT_PROGRESS -> events.publishEvent(new StepEvents.StepCompleted(no, Tasks.REPORT_PROGRESS));
            case Tasks.CONFIRM_COMPLETION -> {
                String summary = values.text(COMPLETION_SUMMARY);
                if (Boolean.TRUE.equals(values.bool(IMPLEMENTED))) {
                    deliberations.completeLedger(no, summary, now);
                    deliberations.log(no, now, actor, "COMPLETION", "召集人确认已全部落实：" + summary, true);
                } else {
                    deliberations.log(no, now, actor, "COMPLETION", "召集人确认尚未全部落实，补充落实节点：" + summary, true);
                }
            }
            default -> {}
        }
    }

    // ---- service tasks ----

    void publishRejection(DelegateExecution execution) {
        Topic topic = topic(execution);
        String reasons = text(execution, REASONS);
        Instant now = now();
        deliberations.openNotice(
                topic.deliberationNo(),
                topic.villageCode(),
                NoticeKind.REJECTION,
                "议题“" + topic.title() + "”不予受理",
                "经审核，该议题不予受理。理由：" + reasons,
                now,
                null,
                null,
                null);
        deliberations.log(topic.deliberationNo(), now, actor(execution), "REVIEW", "议题不予受理，理由已公告：" + reasons, true);
        tell(topic.deliberationNo(), "经审核不予受理，理由：" + reasons);
    }

    void mergeTopic(DelegateExecution execution) {
        Topic topic = topic(execution);
        String target = text(execution, MERGE_INTO);
        Topic into = deliberations.byNo(target).orElseThrow();
        Instant now = now();
        deliberations.recordReview(topic.deliberationNo(), text(execution, REASONS), target, now);
        deliberations.linkedCases(topic.deliberationNo()).forEach(no -> deliberations.link(target, no));
        deliberations.openNotice(
                topic.deliberationNo(),
                topic.villageCode(),
                NoticeKind.MERGER,
                "议题“" + topic.title() + "”并入议题 " + target,
                "该议题与议题 " + target + "“" + into.title() + "”内容相近，合并协商。"
                        + (text(execution, REASONS) == null ? "" : text(execution, REASONS)),
                now,
                null,
                null,
                null);
        deliberations.log(
                topic.deliberationNo(),
                now,
                actor(execution),
                "MERGE",
                "议题并入 " + target + "“" + into.title() + "”",
                true);
        deliberations.log(
                target,
                now,
                actor(execution),
                "MERGE",
                "议题 " + topic.deliberationNo() + "“" + topic.title() + "”并入本议题",
                true);
        tell(topic.deliberationNo(), "已并入议题 " + target + "“" + into.title() + "”一并协商，可用该编号查看进展");
    }

    void publishPlanNotice(DelegateExecution execution) {
        Topic topic = topic(execution);
        Instant now = now();
        Instant meetingAt = WorkingDays.instantOf(execution.getVariable(MEETING_AT));
        Instant ends = workingDays.add(now, rules.noticeDays(topic.villageCode()));
        String place = text(execution, MEETING_PLACE);
        String participants = text(execution, PARTICIPANTS);
        String plan = text(execution, PLAN);
        String options = text(execution, OPTIONS);
        deliberations.recordPlan(topic.deliberationNo(), meetingAt, place, participants, plan, now);
        boolean revision = deliberations.noticesOfTopic(topic.deliberationNo()).stream()
                .anyMatch(n -> n.kind() == NoticeKind.PLAN);
        long id = deliberations.openNotice(
                topic.deliberationNo(),
                topic.villageCode(),
                NoticeKind.PLAN,
                (revision ? "【修改后重新公示】" : "") + "协商议题“" + topic.title() + "”协商方案公示",
                "会议时间：" + WorkingDays.format(meetingAt) + "；地点：" + place + "；参会人员：" + participants + "。协商方案："
                        + plan + (options == null ? "" : "。备选方案：" + options) + "。公示期至 " + WorkingDays.format(ends)
                        + "，期间任何人都可以提出意见或异议。",
                now,
                ends,
                meetingAt,
                !ends.isAfter(meetingAt));
        execution.setVariable(NOTICE_ID, id);
        execution.setVariable(NOTICE_ENDS_AT, Date.from(ends));
        deliberations.log(
                topic.deliberationNo(),
                now,
                actor(execution),
                "NOTICE",
                (revision ? "修改后的协商方案重新公示" : "协商方案开始公示") + "，公示期至 " + WorkingDays.format(ends),
                true);
        tell(topic.deliberationNo(), "协商方案公示至 " + WorkingDays.format(ends) + "，会议定于 " + WorkingDays.format(meetingAt));
    }

    /** The end of a notice period: the board stops taking opinions (or evaluations) for it. */
    void closeNotice(DelegateExecution execution) {
        String no = text(execution, DELIBERATION_NO);
        long id = ((Number) execution.getVariable(NOTICE_ID)).longValue();
        Instant now = now();
        deliberations.closeNotice(id, now);
        Deliberations.Notice notice = deliberations.notice(id).orElseThrow();
        String entry =
                switch (notice.kind()) {
                    case PLAN -> {
                        long objections = deliberations.opinionsOf(no).stream()
                                .filter(o -> o.noticeId() == id && o.objection())
                                .count();
                        long opinions = deliberations.opinionsOf(no).stream()
                                .filter(o -> o.noticeId() == id)
                                .count();
                        yield "协商前公示期满，收到意见 " + opinions + " 条，其中异议 " + objections + " 条";
                    }
                    case RESULT -> "协商结果公示期满";
                    case COMPLETION -> "群众评价期满：" + evaluationSummary(no);
                    default -> notice.kind().label() + "结束";
                };
        deliberations.log(no, now, null, "NOTICE", entry, true);
    }

    void recordMeeting(DelegateExecution execution) {
        Topic topic = topic(execution);
        TaskValues values = new TaskValues(execution.getVariables());
        List<String> attendees = values.list(ATTENDEES);
        int votesFor = values.integer(VOTES_FOR);
        int votesAgainst = values.integer(VOTES_AGAINST);
        int votesAbstain = values.integer(VOTES_ABSTAIN);
        MeetingRules meeting = rules.meetingRules(topic.villageCode());
        int total = representatives(topic.villageCode()).size();
        boolean quorate = meeting.quorate(total, attendees.size());
        MeetingRules.Vote vote = new MeetingRules.Vote(attendees, votesFor, votesAgainst, votesAbstain);
        Boolean passed = quorate ? meeting.passed(vote) : null;
        Instant now = now();
        Map<String, Integer> votes = new LinkedHashMap<>();
        if (quorate) {
            votes.put("FOR", votesFor);
            votes.put("AGAINST", votesAgainst);
            votes.put("ABSTAIN", votesAbstain);
        }
        Instant heldAt = topic.meetingAt() == null || topic.meetingAt().isAfter(now) ? now : topic.meetingAt();
        deliberations.addMinutes(
                topic.deliberationNo(),
                heldAt,
                text(execution, AGENDA),
                text(execution, SPEECHES),
                text(execution, MINUTES),
                total,
                quorate,
                passed,
                attendees,
                votes,
                actor(execution),
                now);
        execution.setVariable(QUORATE, quorate);
        execution.setVariable(PASSED, Boolean.TRUE.equals(passed));
        if (!quorate) {
            deliberations.stage(topic.deliberationNo(), Stage.PLANNING, now);
            deliberations.log(
                    topic.deliberationNo(),
                    now,
                    actor(execution),
                    "MEETING",
                    "协商会议到会代表 " + attendees.size() + " 人，未达到法定人数（" + meeting.required(total) + " 人），流会，另行召集",
                    true);
            tell(topic.deliberationNo(), "协商会议到会人数不足，流会，将另行召集并重新公示");
            return;
        }
        String tally = "到会代表 " + attendees.size() + "/" + total + " 人；赞成 " + votesFor + " 票，反对 " + votesAgainst
                + " 票，弃权 " + votesAbstain + " 票；" + (passed ? "表决通过" : "表决未通过");
        execution.setVariable(TALLY, tally);
        deliberations.recordPassed(topic.deliberationNo(), passed, now);
        deliberations.log(topic.deliberationNo(), now, actor(execution), "MEETING", "协商会议已召开：" + tally, true);
    }

    void publishResultNotice(DelegateExecution execution) {
        Topic topic = topic(execution);
        Instant now = now();
        Instant ends = workingDays.add(now, rules.noticeDays(topic.villageCode()));
        Instant heldAt = deliberations.minutesOf(topic.deliberationNo()).stream()
                .map(Deliberations.Minutes::heldAt)
                .max(Comparator.naturalOrder())
                .orElse(now);
        boolean onTime = !now.isAfter(workingDays.add(heldAt, rules.resultNoticeDays()));
        String tally = text(execution, TALLY);
        long id = deliberations.openNotice(
                topic.deliberationNo(),
                topic.villageCode(),
                NoticeKind.RESULT,
                "协商议题“" + topic.title() + "”协商结果公示",
                tally + "。会议纪要：" + text(execution, MINUTES) + "。公示期至 " + WorkingDays.format(ends) + "。",
                now,
                ends,
                heldAt,
                onTime);
        execution.setVariable(NOTICE_ID, id);
        execution.setVariable(NOTICE_ENDS_AT, Date.from(ends));
        deliberations.stage(topic.deliberationNo(), Stage.RESULT_NOTICE, now);
        deliberations.log(
                topic.deliberationNo(), now, null, "NOTICE", "协商结果开始公示，公示期至 " + WorkingDays.format(ends), true);
        tell(topic.deliberationNo(), "协商结果：" + tally);
    }

    void recordLedger(DelegateExecution execution) {
        Topic topic = topic(execution);
        Instant now = now();
        String unitCode = text(execution, RESPONSIBLE_UNIT);
        Unit unit = units.byCode(unitCode).orElseThrow();
        List<MilestoneInput> milestones = DeliberationCompletionRules.milestonesOf(execution.getVariable(MILESTONES));
        deliberations.openOrUpdateLedger(topic.deliberationNo(), unitCode, text(execution, MEASURES), now);
        milestones.forEach(m -> deliberations.addMilestone(topic.deliberationNo(), m.title(), m.dueAt()));
        execution.setVariable(RESPONSIBLE_GROUP, responsibleGroup(unit));
        deliberations.stage(topic.deliberationNo(), Stage.IMPLEMENTING, now);
        deliberations.log(
                topic.deliberationNo(),
                now,
                actor(execution),
                "LEDGER",
                "落实台账：责任单位 " + unit.name() + "，节点 "
                        + milestones.stream()
                                .map(m -> day(m.dueAt()) + " " + m.title())
                                .collect(Collectors.joining("；")),
                true);
        nextMilestone(execution);
    }

    void publishProgress(DelegateExecution execution) {
        Topic topic = topic(execution);
        long id = ((Number) execution.getVariable(MILESTONE_ID)).longValue();
        Milestone milestone = deliberations.milestone(id).orElseThrow();
        String progress = text(execution, PROGRESS);
        Instant now = now();
        deliberations.reportMilestone(id, progress, actor(execution), now);
        boolean late = now.isAfter(milestone.dueAt());
        deliberations.openNotice(
                topic.deliberationNo(),
                topic.villageCode(),
                NoticeKind.PROGRESS,
                "议题“" + topic.title() + "”落实进展：" + milestone.title(),
                progress,
                now,
                null,
                null,
                null);
        deliberations.log(
                topic.deliberationNo(),
                now,
                actor(execution),
                "PROGRESS",
                "节点“" + milestone.title() + "”进展" + (late ? "（逾期报告）" : "") + "：" + progress,
                true);
        tell(topic.deliberationNo(), "“" + milestone.title() + "”" + progress);
        execution.setVariable(PROGRESS, null);
        nextMilestone(execution);
    }

    /** The reminder before a milestone's date: its light turns yellow and the responsible unit is told. */
    void remindMilestone(DelegateExecution execution) {
        String no = text(execution, DELIBERATION_NO);
        long id = ((Number) execution.getVariable(MILESTONE_ID)).longValue();
        Milestone milestone = deliberations.milestone(id).orElseThrow();
        if (!TrafficLight.GREEN.name().equals(milestone.light())) {
            return;
        }
        deliberations.milestoneLight(id, TrafficLight.YELLOW.name());
        lightOnTask(execution, TrafficLight.YELLOW);
        notifications.queue(
                Template.DUE_SOON,
                Recipient.group(text(execution, RESPONSIBLE_GROUP)),
                no,
                no,
                "落实节点：" + milestone.title(),
                WorkingDays.format(milestone.dueAt()));
        deliberations.log(no, now(), null, "LIGHT", "节点“" + milestone.title() + "”临期（黄灯），已提醒责任单位", false);
    }

    /** A milestone passed its date without a report: red, public, and supervision takes it up. */
    void flagOverdueMilestone(DelegateExecution execution) {
        String no = text(execution, DELIBERATION_NO);
        long id = ((Number) execution.getVariable(MILESTONE_ID)).longValue();
        Milestone milestone = deliberations.milestone(id).orElseThrow();
        deliberations.milestoneLight(id, TrafficLight.RED.name());
        lightOnTask(execution, TrafficLight.RED);
        String group = text(execution, RESPONSIBLE_GROUP);
        notifications.queue(
                Template.OVERDUE,
                Recipient.group(group),
                no,
                no,
                "落实节点：" + milestone.title(),
                "期限 " + WorkingDays.format(milestone.dueAt()));
        deliberations.log(no, now(), null, "LIGHT", "节点“" + milestone.title() + "”已超期（红灯），进入督办", true);
        events.publishEvent(new StepEvents.StepTurnedRed(
                no,
                Tasks.REPORT_PROGRESS,
                "报告落实进展（" + milestone.title() + "）",
                List.of(group),
                text(execution, VILLAGE_CODE),
                text(execution, TOWN_CODE)));
    }

    void openEvaluation(DelegateExecution execution) {
        Topic topic = topic(execution);
        Instant now = now();
        Instant ends = workingDays.add(now, rules.noticeDays(topic.villageCode()));
        long id = deliberations.openNotice(
                topic.deliberationNo(),
                topic.villageCode(),
                NoticeKind.COMPLETION,
                "协商议题“" + topic.title() + "”已落实，欢迎评价",
                text(execution, COMPLETION_SUMMARY) + "。评价期至 " + WorkingDays.format(ends) + "，欢迎群众评价落实效果。",
                now,
                ends,
                null,
                null);
        execution.setVariable(NOTICE_ID, id);
        execution.setVariable(NOTICE_ENDS_AT, Date.from(ends));
        deliberations.stage(topic.deliberationNo(), Stage.EVALUATION, now);
        tell(topic.deliberationNo(), "已全部落实，欢迎在 " + WorkingDays.format(ends) + " 前评价落实效果");
    }

    void archive(DelegateExecution execution) {
        String no = text(execution, DELIBERATION_NO);
        String decision = text(execution, DECISION);
        TopicStatus status = "REJECT".equals(decision)
                ? TopicStatus.REJECTED
                : "MERGE".equals(decision)
                        ? TopicStatus.MERGED
                        : Boolean.TRUE.equals(execution.getVariable(PASSED))
                                ? TopicStatus.IMPLEMENTED
                                : TopicStatus.NOT_PASSED;
        Instant now = now();
        deliberations.archive(no, status, now);
        execution.setVariable(STATUS, status.name());
        deliberations.log(no, now, null, "ARCHIVE", "议题归档：" + status.label(), true);
        if (status == TopicStatus.NOT_PASSED) {
            tell(no, "表决未通过，议题归档");
        }
    }

    // ---- helpers ----

    /** The next milestone without a report, for the next {@code report-progress}; none clears it. */
    private void nextMilestone(DelegateExecution execution) {
        String no = text(execution, DELIBERATION_NO);
        deliberations
                .nextMilestone(no)
                .ifPresentOrElse(
                        m -> {
                            execution.setVariable(MILESTONE_ID, m.id());
                            execution.setVariable(MILESTONE_TITLE, m.title());
                            execution.setVariable(MILESTONE_DUE_AT, Date.from(m.dueAt()));
                            Instant remind = remindAt(m.dueAt());
                            execution.setVariable(
                                    MILESTONE_REMIND_AT, Date.from(remind.isAfter(now()) ? remind : now()));
                        },
                        () -> {
                            execution.setVariable(MILESTONE_ID, null);
                            execution.setVariable(MILESTONE_TITLE, null);
                            execution.setVariable(MILESTONE_DUE_AT, null);
                            execution.setVariable(MILESTONE_REMIND_AT, null);
                        });
    }

    /** {@code reminderDays} working days before a milestone's date, at the same time of day. */
    Instant remindAt(Instant due) {
        java.time.ZonedDateTime at = due.atZone(WorkingDays.ZONE);
        java.time.LocalDate day = at.toLocalDate();
        for (int counted = 0; counted < rules.reminderDays(); ) {
            day = day.minusDays(1);
            if (workingDays.isWorkingDay(day)) {
                counted++;
            }
        }
        return day.atTime(at.toLocalTime()).atZone(WorkingDays.ZONE).toInstant();
    }

    private void lightOnTask(DelegateExecution execution, TrafficLight light) {
        var tasks = execution.getProcessEngineServices().getTaskService();
        tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Tasks.REPORT_PROGRESS)
                .list()
                .forEach(t -> tasks.setVariableLocal(t.getId(), LIGHT, light.name()));
    }

    /** Whoever left a phone number with an opinion on the notice hears how the host answered. */
    private void answerCommenters(String no, long noticeId, boolean significant, String response) {
        Topic topic = deliberations.byNo(no).orElseThrow();
        String answer =
                (significant ? "意见已采纳，方案修改后将重新公示" : "公示期满，将按方案召开协商会议") + (response == null ? "" : "。答复：" + response);
        deliberations.opinionsOf(no).stream()
                .filter(o -> o.noticeId() == noticeId && o.phone() != null)
                .map(Deliberations.Opinion::phone)
                .distinct()
                .forEach(phone -> notifications.queue(
                        Template.TOPIC_PROGRESS, Recipient.citizen(phone), no, no, topic.title(), answer));
    }

    /** The proposer and the citizens of linked cases hear of every turn of the topic. */
    private void tell(String no, String news) {
        Topic topic = deliberations.byNo(no).orElseThrow();
        if (topic.phone() != null) {
            notifications.queue(Template.TOPIC_PROGRESS, Recipient.citizen(topic.phone()), no, no, topic.title(), news);
        }
        for (String trackingNo : deliberations.linkedCases(no)) {
            cases.record(trackingNo, null, "DELIBERATION", "关联议题 " + no + "“" + topic.title() + "”：" + news, true);
            cases.notifyCitizen(trackingNo, Template.TOPIC_PROGRESS, no, topic.title(), news);
        }
    }

    Map<String, String> representatives(String villageCode) {
        return representatives.of(villageCode);
    }

    /** Who reports a ledger's progress: the station head of a village, a town's centre, a department. */
    static String responsibleGroup(Unit unit) {
        return unit.kind() == UnitKind.VILLAGE
                ? Role.STATION_HEAD.groupIdIn(unit.code())
                : unit.kind() == UnitKind.TOWN
                        ? Role.TOWN_CENTER.groupIdIn(unit.code())
                        : Role.DEPT.groupIdIn(unit.code());
    }

    private String opinionsSummary(String no) {
        List<Deliberations.Opinion> opinions = deliberations.opinionsOf(no);
        if (opinions.isEmpty()) {
            return "公示期间未收到意见。";
        }
        return opinions.stream()
                .map(o -> (o.objection() ? "【异议】" : "【意见】") + (o.userId() != null ? "议事代表" : "")
                        + cn.lianxin.appeal.Masking.name(o.authorName()) + "：" + o.content())
                .collect(Collectors.joining("\n"));
    }

    private String ledgerSummary(String no) {
        return deliberations.milestonesOf(no).stream()
                .map(m -> WorkingDays.format(m.dueAt()) + " " + m.title() + "："
                        + (m.progress() == null ? "尚未报告" : m.progress()))
                .collect(Collectors.joining("\n"));
    }

    String evaluationSummary(String no) {
        Map<String, Long> counts = deliberations.evaluationsOf(no).stream()
                .collect(Collectors.groupingBy(Deliberations.Evaluation::satisfaction, Collectors.counting()));
        if (counts.isEmpty()) {
            return "未收到评价";
        }
        return "满意 " + counts.getOrDefault("SATISFIED", 0L) + " 条，基本满意 "
                + counts.getOrDefault("BASICALLY_SATISFIED", 0L) + " 条，不满意 " + counts.getOrDefault("UNSATISFIED", 0L)
                + " 条";
    }

    /** A milestone's date as the ledger form writes it: 2026-12-20. */
    private static java.time.LocalDate day(Instant at) {
        return at.atZone(WorkingDays.ZONE).toLocalDate();
    }

    private static String milestonesText(Object raw) {
        return DeliberationCompletionRules.milestonesOf(raw).stream()
                .map(m -> day(m.dueAt()) + " " + m.title())
                .collect(Collectors.joining("\n"));
    }

    private static FormOptions.Option option(String label, String value) {
        return new FormOptions.Option(label, value);
    }

    private Topic topic(DelegateExecution execution) {
        return deliberations.byNo(text(execution, DELIBERATION_NO)).orElseThrow();
    }

    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().trim();
    }

    private static String actor(DelegateExecution execution) {
        var authentication =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
