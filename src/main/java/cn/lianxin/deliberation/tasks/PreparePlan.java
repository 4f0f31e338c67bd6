package cn.lianxin.deliberation.tasks;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.tasks.FieldChecks.required;
import static cn.lianxin.deliberation.tasks.FieldChecks.tooLong;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deliberation.DeliberationProcess;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.DeliberationRules;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 拟定协商方案 ({@code prepare-plan}): the host sets the meeting, its place, participants and plan.
 * The meeting must come after the notice period (协商前公示) a plan noticed now would run.
 */
@Component
class PreparePlan implements UserTask {

    private final DeliberationRules rules;
    private final WorkingDays workingDays;

    PreparePlan(DeliberationRules rules, WorkingDays workingDays) {
        this.rules = rules;
        this.workingDays = workingDays;
    }

    @Override
    public String processKey() {
        return DeliberationProcess.KEY;
    }

    @Override
    public String taskKey() {
        return Tasks.PREPARE_PLAN;
    }

    @Override
    public Set<String> fields() {
        return Set.of(MEETING_AT, MEETING_PLACE, PARTICIPANTS, OPTIONS, PLAN);
    }

    @Override
    public void check(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        Instant meetingAt = FieldChecks.instant(v, MEETING_AT);
        if (meetingAt == null) {
            problems.add(new FieldError(MEETING_AT, "必须填写会议时间（如 2026-12-08T15:00:00+08:00）"));
        } else {
            Instant now = TaskContext.now();
            Instant noticeEnds = workingDays.add(now, rules.noticeDays(v.text(VILLAGE_CODE)));
            if (!meetingAt.isAfter(now)) {
                problems.add(new FieldError(MEETING_AT, "会议时间不能早于现在"));
            } else if (meetingAt.isBefore(noticeEnds)) {
                problems.add(new FieldError(MEETING_AT, "会议须在协商前公示期满之后召开，最早 " + WorkingDays.format(noticeEnds)));
            }
        }
        required(v, MEETING_PLACE, "必须填写会议地点", problems);
        required(v, PARTICIPANTS, "必须填写参会人员（议事代表、利益相关方、有关部门）", problems);
        required(v, PLAN, "必须填写协商方案", problems);
        tooLong(v, PLAN, 4000, problems);
        tooLong(v, PARTICIPANTS, 1000, problems);
        tooLong(v, MEETING_PLACE, 200, problems);
        tooLong(v, OPTIONS, 2000, problems);
        FieldChecks.refuseIf(problems);
    }

    /** The meeting's time as a date, whichever way it was typed, for the notice and the meeting record's dates. */
    @Override
    public void completing(DelegateTask task) {
        task.setVariable(MEETING_AT, Date.from(FieldChecks.instant(new TaskValues(task.getVariables()), MEETING_AT)));
    }
}
