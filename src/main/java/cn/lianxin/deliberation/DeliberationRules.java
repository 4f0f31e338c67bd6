package cn.lianxin.deliberation;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianxin.deliberation}: how long notices run and how meetings decide, with per-unit
 * overrides (a village may notice longer or ask for a larger quorum). The deadlines of the host's
 * steps and the milestones' reminders are the deadline module's ({@code lianxin.deadlines.processes.deliberation}).
 *
 * @param noticeDays working days a plan, a result or a completion stays on the notice board
 * @param quorumShare share of the unit's representatives that must attend (default two thirds)
 * @param passShare share of those present that must vote for a topic, strictly more than (default half)
 * @param resultNoticeDays working days after the meeting within which its result counts as noticed on time
 * @param units per village code, the rules that differ from the defaults
 */
@ConfigurationProperties("lianxin.deliberation")
public record DeliberationRules(
        int noticeDays, double quorumShare, double passShare, int resultNoticeDays, Map<String, UnitRules> units) {

    /** What a unit sets differently; {@code null} keeps the default. */
    public record UnitRules(Integer noticeDays, Double quorumShare, Double passShare) {}

    public DeliberationRules {
        if (noticeDays < 1 || resultNoticeDays < 0) {
            throw new IllegalArgumentException("lianxin.deliberation: notice-days must be at least 1");
        }
        new MeetingRules(quorumShare, passShare); // fails early on a share out of range
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
}
