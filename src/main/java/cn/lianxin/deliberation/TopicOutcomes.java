package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.StepContext.actor;
import static cn.lianxin.deliberation.StepContext.now;
import static cn.lianxin.deliberation.StepContext.text;
import static cn.lianxin.deliberation.StepContext.topic;

import cn.lianxin.deliberation.DeliberationProcess.Decision;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * How a topic ends outside the meeting's vote and how every topic is archived: a rejection with its
 * public reasons, a merger into another open topic (its linked cases follow), the archived status.
 */
@Service
class TopicOutcomes {

    private final Topics topics;
    private final TopicLog log;
    private final Notices notices;
    private final LinkedCases linkedCases;
    private final TopicNews news;

    TopicOutcomes(Topics topics, TopicLog log, Notices notices, LinkedCases linkedCases, TopicNews news) {
        this.topics = topics;
        this.log = log;
        this.notices = notices;
        this.linkedCases = linkedCases;
        this.news = news;
    }

    void publishRejection(DelegateExecution execution) {
        Topic topic = topic(topics, execution);
        String reasons = text(execution, REASONS);
        Instant now = now();
        notices.post(
                topic.deliberationNo(),
                topic.villageCode(),
                NoticeKind.REJECTION,
                "议题“" + topic.title() + "”不予受理",
                "经审核，该议题不予受理。理由：" + reasons,
                now);
        log.log(topic.deliberationNo(), now, actor(execution), "REVIEW", "议题不予受理，理由已公告：" + reasons, true);
        news.tell(topic.deliberationNo(), "经审核不予受理，理由：" + reasons);
    }

    void mergeTopic(DelegateExecution execution) {
        Topic topic = topic(topics, execution);
        String target = text(execution, MERGE_INTO);
        Topic into = topics.byNo(target).orElseThrow();
        Instant now = now();
        topics.recordReview(topic.deliberationNo(), text(execution, REASONS), target, now);
        linkedCases.of(topic.deliberationNo()).forEach(no -> linkedCases.link(target, no));
        notices.post(
                topic.deliberationNo(),
                topic.villageCode(),
                NoticeKind.MERGER,
                "议题“" + topic.title() + "”并入议题 " + target,
                "该议题与议题 " + target + "“" + into.title() + "”内容相近，合并协商。"
                        + (text(execution, REASONS) == null ? "" : text(execution, REASONS)),
                now);
        log.log(
                topic.deliberationNo(),
                now,
                actor(execution),
                "MERGE",
                "议题并入 " + target + "“" + into.title() + "”",
                true);
        log.log(
                target,
                now,
                actor(execution),
                "MERGE",
                "议题 " + topic.deliberationNo() + "“" + topic.title() + "”并入本议题",
                true);
        news.tell(topic.deliberationNo(), "已并入议题 " + target + "“" + into.title() + "”一并协商，可用该编号查看进展");
    }

    void archive(DelegateExecution execution) {
        String no = text(execution, DELIBERATION_NO);
        String decision = text(execution, DECISION);
        TopicStatus status = Decision.REJECT.name().equals(decision)
                ? TopicStatus.REJECTED
                : Decision.MERGE.name().equals(decision)
                        ? TopicStatus.MERGED
                        : Boolean.TRUE.equals(execution.getVariable(PASSED))
                                ? TopicStatus.IMPLEMENTED
                                : TopicStatus.NOT_PASSED;
        Instant now = now();
        topics.archive(no, status, now);
        execution.setVariable(STATUS, status.name());
        log.log(no, now, null, "ARCHIVE", "议题归档：" + status.label(), true);
        if (status == TopicStatus.NOT_PASSED) {
            news.tell(no, "表决未通过，议题归档");
        }
    }
}
