package cn.lianxin.deadline;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deadline.DeadlineRules.ProcessRules;
import cn.lianxin.workflow.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The deadline of each step of every process, by the {@link DeadlineRules}, counted on the
 * working-day calendar. Also the bean {@code deadlines} for BPMN expressions: the process is the one
 * the expression runs in, the task key is named ({@code ${deadlines.dueAt('town-handle', execution)}});
 * "now" is the engine's clock.
 */
@Component("deadlines")
@EnableConfigurationProperties(DeadlineRules.class)
public class Deadlines {

    private final DeadlineRules rules;
    private final WorkingDays workingDays;

    public Deadlines(DeadlineRules rules, WorkingDays workingDays) {
        this.rules = rules;
        this.workingDays = workingDays;
    }

    /**
     * The deadline of a step starting at {@code start}; {@code null} if the step has none (or its
     * working days are a promise not made).
     */
    public Deadline of(String processKey, String taskKey, String category, Integer promisedDays, Instant start) {
        ProcessRules process = rules.of(processKey);
        Integer hours = process.calendarHours().get(taskKey);
        if (hours != null) {
            Duration allowed = Duration.ofHours(hours);
            return new Deadline(start, start.plus(share(allowed)), start.plus(allowed));
        }
        Integer days =
                process.promisedDays().contains(taskKey) ? promisedDays : process.workingDaysFor(taskKey, category);
        if (days == null || days < 1) {
            return null;
        }
        Duration allowed = Duration.ofDays(days);
        return new Deadline(
                start, workingDays.addWorkingTime(start, share(allowed)), workingDays.addWorkingTime(start, allowed));
    }

    /**
     * The deadline of a step whose date a person set (a ledger milestone): red at that date, yellow
     * the step's reminder days before it, at the same time of day — or now, when that has passed.
     * {@code null} if the step has no reminder rule.
     */
    public Deadline remindedBefore(String processKey, String taskKey, Instant dueAt, Instant now) {
        Integer reminderDays = rules.of(processKey).reminderDays().get(taskKey);
        if (reminderDays == null) {
            return null;
        }
        ZonedDateTime at = dueAt.atZone(WorkingDays.ZONE);
        LocalDate day = at.toLocalDate();
        for (int counted = 0; counted < reminderDays; ) {
            day = day.minusDays(1);
            if (workingDays.isWorkingDay(day)) {
                counted++;
            }
        }
        Instant remind = day.atTime(at.toLocalTime()).atZone(WorkingDays.ZONE).toInstant();
        return new Deadline(now, remind.isAfter(now) ? remind : now, dueAt);
    }

    // ---- for BPMN expressions: ${deadlines.dueAt('town-handle', execution)} ----

    /** When the step entered now is overdue. */
    public Date dueAt(String taskKey, VariableScope scope) {
        return Date.from(now(taskKey, scope, null).dueAt());
    }

    /** When the step entered now turns yellow; also the task's follow-up date in Tasklist. */
    public Date warnAt(String taskKey, VariableScope scope) {
        return Date.from(now(taskKey, scope, null).warnAt());
    }

    /**
     * When a step whose time starts at {@code start} — or now, if that is later — is overdue: a
     * meeting is recorded after it is held ({@code ${deadlines.dueAfter('meeting-record', meetingAt,
     * execution)}}).
     */
    public Date dueAfter(String taskKey, Object start, VariableScope scope) {
        return Date.from(now(taskKey, scope, start).dueAt());
    }

    /**
     * The timer cycle of a step's light: {@code R1/<warnAt>/<time until dueAt>}, one non-interrupting
     * boundary timer per step. Camunda counts each next firing from the cycle's start and the clock,
     * not from the run before: run before the warning date, the timer comes back at the warning date;
     * run between, at the due date; run at or after the due date, it ends. So however early, late or
     * often it runs, the next change still ahead has a firing, and the listener derives the light from
     * the step's dates ({@link cn.lianxin.deadline.TrafficLight#at}), never from which firing this is.
     */
    public String lightCycle(String taskKey, VariableScope scope) {
        Deadline deadline = now(taskKey, scope, null);
        return cycle(deadline.warnAt(), deadline.dueAt());
    }

    /**
     * The same light cycle between two dates a step already has (a ledger milestone's reminder and
     * date): {@code ${deadlines.lightCycleBetween(milestoneRemindAt, milestoneDueAt)}}.
     */
    public String lightCycleBetween(Object warnAt, Object dueAt) {
        return cycle(WorkingDays.instantOf(warnAt), WorkingDays.instantOf(dueAt));
    }

    private static String cycle(Instant warnAt, Instant dueAt) {
        Instant first = warnAt.isBefore(dueAt) ? warnAt : dueAt;
        return "R1/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(first.atZone(WorkingDays.ZONE)) + "/"
                + Duration.between(first, dueAt);
    }

    private Deadline now(String taskKey, VariableScope scope, Object startAfter) {
        String processKey = processKeyOf(scope);
        Object category = scope.getVariable("category");
        Object days = scope.getVariable("promisedDays");
        Instant start = EngineClock.now();
        if (startAfter != null) {
            Instant later = WorkingDays.instantOf(startAfter);
            start = later.isAfter(start) ? later : start;
        }
        Deadline deadline = of(
                processKey,
                taskKey,
                category == null ? null : category.toString(),
                days instanceof Number n ? n.intValue() : null,
                start);
        if (deadline == null) {
            throw new IllegalStateException("no deadline rule for task " + taskKey + " of process " + processKey
                    + " (lianxin.deadlines.processes." + processKey + ")");
        }
        return deadline;
    }

    /** The key of the process an expression runs in: its definition id is {@code <key>:<version>:<id>}. */
    private static String processKeyOf(VariableScope scope) {
        String definitionId = scope instanceof DelegateExecution execution
                ? execution.getProcessDefinitionId()
                : scope instanceof DelegateTask task ? task.getProcessDefinitionId() : null;
        if (definitionId == null || definitionId.indexOf(':') < 0) {
            throw new IllegalStateException("a deadline needs the execution or task of a process, not " + scope);
        }
        return definitionId.substring(0, definitionId.indexOf(':'));
    }

    private Duration share(Duration allowed) {
        return Duration.ofSeconds(Math.round(allowed.toSeconds() * rules.warningShare()));
    }
}
