package cn.lianxin.deliberation.tasks;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.tasks.FieldChecks.count;
import static cn.lianxin.deliberation.tasks.FieldChecks.required;
import static cn.lianxin.deliberation.tasks.FieldChecks.tooLong;
import static cn.lianxin.deliberation.tasks.TaskContext.option;

import cn.lianxin.deliberation.DeliberationProcess;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.DeliberationRules;
import cn.lianxin.deliberation.MeetingRules;
import cn.lianxin.deliberation.Representatives;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.FormOptions;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 协商会议记录 ({@code meeting-record}): the host signs in the representatives present and records
 * the agenda, the speeches, the minutes and the vote (民意主断). The vote must fit the village's
 * {@link MeetingRules}; the process's {@code record-meeting} step then decides quorum and outcome.
 */
@Component
class MeetingRecord implements UserTask {

    private final DeliberationRules rules;
    private final Representatives representatives;

    MeetingRecord(DeliberationRules rules, Representatives representatives) {
        this.rules = rules;
        this.representatives = representatives;
    }

    @Override
    public String processKey() {
        return DeliberationProcess.KEY;
    }

    @Override
    public String taskKey() {
        return Tasks.MEETING_RECORD;
    }

    @Override
    public Set<String> fields() {
        return Set.of(ATTENDEES, AGENDA, SPEECHES, VOTES_FOR, VOTES_AGAINST, VOTES_ABSTAIN, MINUTES);
    }

    @Override
    public void check(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        meeting(v, v.text(VILLAGE_CODE), problems);
        FieldChecks.refuseIf(problems);
    }

    private void meeting(TaskValues v, String village, List<FieldError> problems) {
        required(v, AGENDA, "必须填写会议议程", problems);
        required(v, MINUTES, "必须填写会议纪要", problems);
        tooLong(v, AGENDA, 2000, problems);
        tooLong(v, MINUTES, 4000, problems);
        tooLong(v, SPEECHES, 4000, problems);
        List<String> attendees = v.list(ATTENDEES);
        if (attendees == null && v.raw(ATTENDEES) != null) {
            problems.add(new FieldError(ATTENDEES, "应为议事代表用户名的列表"));
            return;
        }
        Integer votesFor = count(v, VOTES_FOR, problems);
        Integer votesAgainst = count(v, VOTES_AGAINST, problems);
        Integer votesAbstain = count(v, VOTES_ABSTAIN, problems);
        if (votesFor == null || votesAgainst == null || votesAbstain == null) {
            return;
        }
        problems.addAll(rules.meetingRules(village)
                .problems(
                        representatives.of(village).keySet(),
                        new MeetingRules.Vote(
                                attendees == null ? List.of() : attendees, votesFor, votesAgainst, votesAbstain)));
    }

    /** The representatives to sign in, and the quorum the host must know before the vote. */
    @Override
    public void created(DelegateTask task) {
        String village = (String) task.getVariable(VILLAGE_CODE);
        Map<String, String> reps = representatives.of(village);
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

    /** The attendees as a JSON list, however the form or client sent them, so the record step reads one shape. */
    @Override
    public void completing(DelegateTask task) {
        List<String> attendees = new TaskValues(task.getVariables()).list(ATTENDEES);
        task.setVariable(
                ATTENDEES,
                Variables.objectValue(new ArrayList<>(attendees == null ? List.of() : attendees))
                        .serializationDataFormat("application/json")
                        .create());
    }
}
