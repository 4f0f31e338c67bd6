package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.MEETING_AT;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deadline.DeadlineRules;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The due and follow-up dates of the host's tasks. The bean keeps the name {@code deliberationSteps}
 * because {@code processes/deliberation.bpmn} calls it by that name in its {@code dueDate} and
 * {@code followUpDate} expressions.
 */
@Component("deliberationSteps")
public class DeliberationDueDates {

    private final DeliberationRules rules;
    private final DeadlineRules deadlines;
    private final WorkingDays workingDays;

    DeliberationDueDates(DeliberationRules rules, DeadlineRules deadlines, WorkingDays workingDays) {
        this.rules = rules;
        this.deadlines = deadlines;
        this.workingDays = workingDays;
    }

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
        long seconds = Math.round(Duration.ofDays(days).toSeconds() * deadlines.warningShare());
        return Date.from(workingDays.addWorkingTime(start(taskKey, execution), Duration.ofSeconds(seconds)));
    }

    /** A meeting is recorded after it was held; every other task's time starts now. */
    private static Instant start(String taskKey, DelegateExecution execution) {
        Instant from = StepContext.now();
        if (Tasks.MEETING_RECORD.equals(taskKey) && execution.getVariable(MEETING_AT) != null) {
            Instant meeting = WorkingDays.instantOf(execution.getVariable(MEETING_AT));
            return meeting.isAfter(from) ? meeting : from;
        }
        return from;
    }
}
