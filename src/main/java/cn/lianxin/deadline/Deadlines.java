package cn.lianxin.deadline;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.workflow.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The deadline of each step, by the {@link DeadlineRules}, counted on the working-day calendar.
 * Also the bean {@code deadlines} for BPMN expressions; "now" is the engine's clock.
 */
@Component("deadlines")
@EnableConfigurationProperties(DeadlineRules.class)
public class Deadlines {

    /** The task whose first response is counted in calendar hours (24 小时响应). */
    public static final String RESPONSE_TASK = "triage";

    /** The task whose deadline is the promise made at triage ({@code promisedDays}). */
    public static final String PROMISE_TASK = "handle-promised";

    private final DeadlineRules rules;
    private final WorkingDays workingDays;

    public Deadlines(DeadlineRules rules, WorkingDays workingDays) {
        this.rules = rules;
        this.workingDays = workingDays;
    }

    /** The deadline of a step starting at {@code start}; {@code null} if the step has none. */
    public Deadline of(String taskKey, String category, Integer promisedDays, Instant start) {
        if (RESPONSE_TASK.equals(taskKey)) {
            Duration allowed = Duration.ofHours(rules.responseHours());
            return new Deadline(start, start.plus(share(allowed)), start.plus(allowed));
        }
        Integer days = PROMISE_TASK.equals(taskKey) ? promisedDays : rules.workingDaysFor(taskKey, category);
        if (days == null || days < 1) {
            return null;
        }
        Duration allowed = Duration.ofDays(days);
        return new Deadline(
                start, workingDays.addWorkingTime(start, share(allowed)), workingDays.addWorkingTime(start, allowed));
    }

    // ---- for BPMN expressions: ${deadlines.dueAt('town-handle', execution)} ----

    /** When the step entered now is overdue. */
    public Date dueAt(String taskKey, VariableScope scope) {
        return Date.from(now(taskKey, scope).dueAt());
    }

    /** When the step entered now turns yellow; also the task's follow-up date in Tasklist. */
    public Date warnAt(String taskKey, VariableScope scope) {
        return Date.from(now(taskKey, scope).warnAt());
    }

    /**
     * A timer cycle that fires twice: yellow, then red — {@code R2/<warnAt>/<time until dueAt>}. One
     * non-interrupting boundary timer per task drives its light.
     */
    public String lightCycle(String taskKey, VariableScope scope) {
        Deadline deadline = now(taskKey, scope);
        return "R2/"
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        deadline.warnAt().atZone(WorkingDays.ZONE)) + "/"
                + Duration.between(deadline.warnAt(), deadline.dueAt());
    }

    private Deadline now(String taskKey, VariableScope scope) {
        Object category = scope.getVariable("category");
        Object days = scope.getVariable("promisedDays");
        Deadline deadline = of(
                taskKey,
                category == null ? null : category.toString(),
                days instanceof Number n ? n.intValue() : null,
                EngineClock.now());
        if (deadline == null) {
            throw new IllegalStateException(
                    "no deadline rule for task " + taskKey + " (lianxin.deadlines.working-days)");
        }
        return deadline;
    }

    private Duration share(Duration allowed) {
        return Duration.ofSeconds(Math.round(allowed.toSeconds() * rules.warningShare()));
    }
}
