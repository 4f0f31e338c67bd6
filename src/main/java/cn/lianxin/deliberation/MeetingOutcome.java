package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.StepContext.actor;
import static cn.lianxin.deliberation.StepContext.now;
import static cn.lianxin.deliberation.StepContext.text;
import static cn.lianxin.deliberation.StepContext.topic;

import cn.lianxin.workflow.TaskValues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * 民意主断 on record: the minutes, attendance and vote of a meeting, whether it was quorate and
 * whether the topic passed; an inquorate meeting (流会) sends the topic back to planning.
 */
@Service
class MeetingOutcome {

    private final Topics topics;
    private final TopicLog log;
    private final Meetings meetings;
    private final DeliberationRules rules;
    private final Representatives representatives;
    private final TopicNews news;

    MeetingOutcome(
            Topics topics,
            TopicLog log,
            Meetings meetings,
            DeliberationRules rules,
            Representatives representatives,
            TopicNews news) {
        this.topics = topics;
        this.log = log;
        this.meetings = meetings;
        this.rules = rules;
        this.representatives = representatives;
        this.news = news;
    }

    void recordMeeting(DelegateExecution execution) {
        Topic topic = topic(topics, execution);
        TaskValues values = new TaskValues(execution.getVariables());
        List<String> attendees = values.list(ATTENDEES);
        int votesFor = values.integer(VOTES_FOR);
        int votesAgainst = values.integer(VOTES_AGAINST);
        int votesAbstain = values.integer(VOTES_ABSTAIN);
        MeetingRules meeting = rules.meetingRules(topic.villageCode());
        int total = representatives.of(topic.villageCode()).size();
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
        meetings.addMinutes(
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
            topics.stage(topic.deliberationNo(), Stage.PLANNING, now);
            log.log(
                    topic.deliberationNo(),
                    now,
                    actor(execution),
                    "MEETING",
                    "协商会议到会代表 " + attendees.size() + " 人，未达到法定人数（" + meeting.required(total) + " 人），流会，另行召集",
                    true);
            news.tell(topic.deliberationNo(), "协商会议到会人数不足，流会，将另行召集并重新公示");
            return;
        }
        String tally = "到会代表 " + attendees.size() + "/" + total + " 人；赞成 " + votesFor + " 票，反对 " + votesAgainst
                + " 票，弃权 " + votesAbstain + " 票；" + (passed ? "表决通过" : "表决未通过");
        execution.setVariable(TALLY, tally);
        topics.recordPassed(topic.deliberationNo(), passed, now);
        log.log(topic.deliberationNo(), now, actor(execution), "MEETING", "协商会议已召开：" + tally, true);
    }
}
