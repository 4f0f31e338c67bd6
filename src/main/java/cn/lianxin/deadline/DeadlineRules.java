package cn.lianxin.deadline;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianxin.deadlines}: how long each step of each process may take, in one tree keyed by process
 * key and task key. Defaults follow the seeds: a response within 24 hours of intake, a handling plan
 * within 3 working days for escalated and joint cases, department deadlines per category, the host's
 * deliberation steps in working days, milestones reminded two working days ahead, yellow after two
 * thirds of the time. {@link DeadlineModelCheck} holds the tree against the models at start-up.
 *
 * @param warningShare share of the allowed time after which the light turns yellow
 * @param processes per process key, the deadlines of its steps
 */
@ConfigurationProperties("lianxin.deadlines")
record DeadlineRules(double warningShare, Map<String, ProcessRules> processes) {

    public DeadlineRules {
        if (warningShare <= 0 || warningShare >= 1) {
            throw new IllegalArgumentException("lianxin.deadlines.warning-share must lie between 0 and 1");
        }
        processes = processes == null ? Map.of() : Map.copyOf(processes);
    }

    /**
     * The deadlines of one process's steps, each kind keyed by task key (a user task, or a named timer
     * such as appeal's {@code evaluation-window}).
     *
     * @param calendarHours steps counted in calendar hours, not working time (24 小时响应, docs/calendar.md)
     * @param promisedDays steps whose working days are the promise made at triage (variable {@code promisedDays})
     * @param workingDays steps counted in working days
     * @param categories per category (variable {@code category}), working days that differ from {@code workingDays}
     * @param reminderDays steps whose date a person sets (a milestone's date): working days before it when
     *     the step turns yellow and its unit is reminded
     */
    public record ProcessRules(
            Map<String, Integer> calendarHours,
            List<String> promisedDays,
            Map<String, Integer> workingDays,
            Map<String, Map<String, Integer>> categories,
            Map<String, Integer> reminderDays) {

        static final ProcessRules NONE = new ProcessRules(null, null, null, null, null);

        public ProcessRules {
            calendarHours = calendarHours == null ? Map.of() : Map.copyOf(calendarHours);
            promisedDays = promisedDays == null ? List.of() : List.copyOf(promisedDays);
            workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
            Map<String, Map<String, Integer>> copy = new HashMap<>();
            if (categories != null) {
                categories.forEach((category, days) -> copy.put(category, Map.copyOf(days)));
            }
            categories = Map.copyOf(copy);
            reminderDays = reminderDays == null ? Map.of() : Map.copyOf(reminderDays);
        }

        /** Working days allowed for a step of a category, or {@code null} when it has no such rule. */
        Integer workingDaysFor(String taskKey, String category) {
            Map<String, Integer> override = category == null ? null : categories.get(category);
            if (override != null && override.containsKey(taskKey)) {
                return override.get(taskKey);
            }
            return workingDays.get(taskKey);
        }

        /** Whether a step has a deadline whatever its category. */
        boolean covers(String taskKey) {
            return calendarHours.containsKey(taskKey)
                    || promisedDays.contains(taskKey)
                    || workingDays.containsKey(taskKey)
                    || reminderDays.containsKey(taskKey);
        }

        /** Every task key this process configures, under any kind of rule. */
        Set<String> taskKeys() {
            Set<String> keys = new LinkedHashSet<>(calendarHours.keySet());
            keys.addAll(promisedDays);
            keys.addAll(workingDays.keySet());
            categories.values().forEach(days -> keys.addAll(days.keySet()));
            keys.addAll(reminderDays.keySet());
            return keys;
        }
    }

    /** The rules of a process; none when the process has no deadlines. */
    ProcessRules of(String processKey) {
        return processes.getOrDefault(processKey, ProcessRules.NONE);
    }
}
