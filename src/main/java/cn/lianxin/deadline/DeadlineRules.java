package cn.lianxin.deadline;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianxin.deadlines}: how long each step may take. Defaults follow the seeds: a response
 * within 24 hours of intake, a handling plan within 3 working days for escalated and joint cases,
 * department deadlines per category, yellow after two thirds of the time.
 *
 * @param warningShare share of the allowed time after which the light turns yellow
 * @param responseHours calendar hours for the first response (triage), see docs/calendar.md
 * @param workingDays working days per task key
 * @param categories per category, working days per task key that differ from {@code workingDays}
 */
@ConfigurationProperties("lianxin.deadlines")
public record DeadlineRules(
        double warningShare,
        int responseHours,
        Map<String, Integer> workingDays,
        Map<String, Map<String, Integer>> categories) {

    public DeadlineRules {
        if (warningShare <= 0 || warningShare >= 1) {
            throw new IllegalArgumentException("lianxin.deadlines.warning-share must lie between 0 and 1");
        }
        workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        if (categories != null) {
            categories.forEach((category, days) -> copy.put(category, Map.copyOf(days)));
        }
        categories = Map.copyOf(copy);
    }

    /** Working days allowed for a task of a category, or {@code null} when the task has no deadline rule. */
    Integer workingDaysFor(String taskKey, String category) {
        Map<String, Integer> override = category == null ? null : categories.get(category);
        if (override != null && override.containsKey(taskKey)) {
            return override.get(taskKey);
        }
        return workingDays.get(taskKey);
    }
}
