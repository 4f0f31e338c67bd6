package cn.lianxin.deliberation;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianxin.deliberation}: how long notices run and how meetings decide, with per-unit
 * overrides (a village may notice longer or ask for a larger quorum).
 *
 * @param noticeDays working days a plan, a result or a completion stays on the notice board
 * @param quorumShare share of the unit's representatives that must attend (default two thirds)
 * @param passShare share of those present that must vote for a topic, strictly more than (default half)
 * @param reminderDays working days before a milestone's date when the responsible unit is reminded
 * @param resultNoticeDays working days after the meeting within which its result counts as noticed on time
 * @param workingDays working days allowed per host task key
 * @param units per village code, the rules that differ from the defaults
 */
@ConfigurationProperties("lianxin.deliberation")
public record DeliberationRules(
        int noticeDays,
        double quorumShare,
        double passShare,
        int reminderDays,
        int resultNoticeDays,
        Map<String, Integer> workingDays,
        Map<String, UnitRules> units) {

    /** What a unit sets differently; {@code null} keeps the default. */
    public record UnitRules(Integer noticeDays, Double quorumShare, Double passShare) {}

    public DeliberationRules {
        if (noticeDays < 1 || reminderDays < 0 || resultNoticeDays < 0) {
            throw new IllegalArgumentException("lianxin.deliberation: notice-days must be at least 1");
        }
        new MeetingRules(quorumShare, passShare); // fails early on a share out of range
        workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
        units = units == null ? Map.of() : Map.copyOf(units);
        units.forEach((unit, rules) -> new MeetingRules(
                rules.quorumShare() == null ? quorumShare : rules.quorumShare(),
                rules.passShare() == null ? passShare : rules.passShare()));
    }

    /** Working days a notice stays on this village's board. */
    public int noticeDays(String villageCode) {
        UnitRules unit = units.get(villageCode);
        return unit == null || unit.noticeDays() == null ? noticeDays : unit.noticeDays();
    }

    /** How a meeting of this village decides. */
    public MeetingRules meetingRules(String villageCode) {
        UnitRules unit = units.get(villageCode);
        return new MeetingRules(
                unit == null || unit.quorumShare() == null ? quorumShare : unit.quorumShare(),
                unit == null || unit.passShare() == null ? passShare : unit.passShare());
    }

    /** Working days allowed for a host task, or {@code null} when it has none. */
    Integer workingDaysFor(String taskKey) {
        return workingDays.get(taskKey);
    }
}
