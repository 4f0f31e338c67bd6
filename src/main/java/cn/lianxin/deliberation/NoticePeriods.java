package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.StepContext.actor;
import static cn.lianxin.deliberation.StepContext.now;
import static cn.lianxin.deliberation.StepContext.text;
import static cn.lianxin.deliberation.StepContext.topic;

import cn.lianxin.calendar.WorkingDays;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The notices that run for a period on the unit's board — the plan before the meeting (协商前公示),
 * the result after it, the completion open to evaluation — and their end.
 */
@Service
class NoticePeriods {

    private final Topics topics;
    private final TopicLog log;
    private final Notices notices;
    private final Opinions opinions;
    private final Meetings meetings;
    private final Evaluations evaluations;
    private final DeliberationRules rules;
    private final WorkingDays workingDays;
    private final TopicNews news;

    NoticePeriods(
            Topics topics,
            TopicLog log,
            Notices notices,
            Opinions opinions,
            Meetings meetings,
            Evaluations evaluations,
            DeliberationRules rules,
            WorkingDays workingDays,
            TopicNews news) {
        this.topics = topics;
        this.log = log;
        this.notices = notices;
        this.opinions = opinions;
        this.meetings = meetings;
        this.evaluations = evaluations;
        this.rules = rules;
        this.workingDays = workingDays;
        this.news = news;
    }

    void publishPlanNotice(DelegateExecution execution) {
        Topic topic = topic(topics, execution);
        Instant now = now();
        Instant meetingAt = WorkingDays.instantOf(execution.getVariable(MEETING_AT));
        Instant ends = workingDays.add(now, rules.noticeDays(topic.villageCode()));
        String place = text(execution, MEETING_PLACE);
        String participants = text(execution, PARTICIPANTS);
        String plan = text(execution, PLAN);
        String options = text(execution, OPTIONS);
        topics.recordPlan(topic.deliberationNo(), meetingAt, place, participants, plan, now);
        boolean revision = notices.ofTopic(topic.deliberationNo()).stream().anyMatch(n -> n.kind() == NoticeKind.PLAN);
        long id = notices.open(
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
        log.log(
                topic.deliberationNo(),
                now,
                actor(execution),
                "NOTICE",
                (revision ? "修改后的协商方案重新公示" : "协商方案开始公示") + "，公示期至 " + WorkingDays.format(ends),
                true);
        news.tell(
                topic.deliberationNo(),
                "协商方案公示至 " + WorkingDays.format(ends) + "，会议定于 " + WorkingDays.format(meetingAt));
    }

    /** The end of a notice period: the board stops taking opinions (or evaluations) for it. */
    void closeNotice(DelegateExecution execution) {
        String no = text(execution, DELIBERATION_NO);
        long id = StepContext.id(execution, NOTICE_ID);
        Instant now = now();
        notices.close(id, now);
        Notices.Notice notice = notices.byId(id).orElseThrow();
        String entry =
                switch (notice.kind()) {
                    case PLAN -> {
                        List<Opinions.Opinion> onNotice = opinions.of(no).stream()
                                .filter(o -> o.noticeId() == id)
                                .toList();
                        long objections = onNotice.stream()
                                .filter(Opinions.Opinion::objection)
                                .count();
                        yield "协商前公示期满，收到意见 " + onNotice.size() + " 条，其中异议 " + objections + " 条";
                    }
                    case RESULT -> "协商结果公示期满";
                    case COMPLETION -> "群众评价期满：" + evaluationSummary(no);
                    default -> notice.kind().label() + "结束";
                };
        log.log(no, now, null, "NOTICE", entry, true);
    }

    void publishResultNotice(DelegateExecution execution) {
        Topic topic = topic(topics, execution);
        Instant now = now();
        Instant ends = workingDays.add(now, rules.noticeDays(topic.villageCode()));
        Instant heldAt = meetings.minutesOf(topic.deliberationNo()).stream()
                .map(Meetings.Minutes::heldAt)
                .max(Comparator.naturalOrder())
                .orElse(now);
        boolean onTime = !now.isAfter(workingDays.add(heldAt, rules.resultNoticeDays()));
        String tally = text(execution, TALLY);
        long id = notices.open(
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
        topics.stage(topic.deliberationNo(), Stage.RESULT_NOTICE, now);
        log.log(topic.deliberationNo(), now, null, "NOTICE", "协商结果开始公示，公示期至 " + WorkingDays.format(ends), true);
        news.tell(topic.deliberationNo(), "协商结果：" + tally);
    }

    void openEvaluation(DelegateExecution execution) {
        Topic topic = topic(topics, execution);
        Instant now = now();
        Instant ends = workingDays.add(now, rules.noticeDays(topic.villageCode()));
        long id = notices.open(
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
        topics.stage(topic.deliberationNo(), Stage.EVALUATION, now);
        news.tell(topic.deliberationNo(), "已全部落实，欢迎在 " + WorkingDays.format(ends) + " 前评价落实效果");
    }

    private String evaluationSummary(String no) {
        Map<String, Long> counts = evaluations.counts(no);
        if (counts.isEmpty()) {
            return "未收到评价";
        }
        return "满意 " + counts.getOrDefault("SATISFIED", 0L) + " 条，基本满意 "
                + counts.getOrDefault("BASICALLY_SATISFIED", 0L) + " 条，不满意 " + counts.getOrDefault("UNSATISFIED", 0L)
                + " 条";
    }
}
