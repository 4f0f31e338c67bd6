package cn.lianxin.deliberation;

import cn.lianxin.system.ApiProblemException.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 民意主断: when a meeting may decide and what it decided. Defaults: at least two thirds of the
 * unit's representatives present; a topic passes with a simple majority of those present (more than
 * half of the attendees vote for it). Both are configurable per unit.
 *
 * @param quorumShare share of the unit's representatives that must be present
 * @param passShare share of those present that must vote for the topic (strictly more than)
 */
public record MeetingRules(double quorumShare, double passShare) {

    public static final MeetingRules DEFAULT = new MeetingRules(2.0 / 3, 0.5);

    public MeetingRules {
        if (quorumShare <= 0 || quorumShare > 1 || passShare <= 0 || passShare >= 1) {
            throw new IllegalArgumentException("quorum share must lie in (0, 1], pass share in (0, 1)");
        }
    }

    /** The vote as recorded in the minutes. */
    public record Vote(List<String> attendees, int votesFor, int votesAgainst, int votesAbstain) {}

    /**
     * Every problem of the record at once; empty when it may be stored. A quorate meeting's tally
     * must account for everyone present; an inquorate one may not vote at all.
     */
    public List<FieldError> problems(Set<String> representatives, Vote vote) {
        List<FieldError> problems = new ArrayList<>();
        List<String> attendees = vote.attendees() == null ? List.of() : vote.attendees();
        Set<String> distinct = new HashSet<>(attendees);
        if (distinct.size() != attendees.size()) {
            problems.add(new FieldError("attendees", "签到名单有重复"));
        }
        distinct.stream()
                .filter(id -> !representatives.contains(id))
                .sorted()
                .forEach(id -> problems.add(new FieldError("attendees", id + " 不是本单位的议事代表")));
        int cast = vote.votesFor() + vote.votesAgainst() + vote.votesAbstain();
        if (vote.votesFor() < 0 || vote.votesAgainst() < 0 || vote.votesAbstain() < 0) {
            problems.add(new FieldError("votesFor", "票数不能为负"));
        } else if (!quorate(representatives.size(), distinct.size())) {
            // an inquorate meeting is recorded (流会) and called again; it may not vote
            if (cast != 0) {
                problems.add(new FieldError(
                        "attendees",
                        "到会代表 " + distinct.size() + " 人，未达到法定人数（本单位代表 " + representatives.size() + " 人，至少 "
                                + required(representatives.size()) + " 人到会），不能表决；流会时票数请填 0"));
            }
        } else if (cast != distinct.size()) {
            problems.add(new FieldError("votesFor", "赞成、反对、弃权合计 " + cast + " 票，与到会代表 " + distinct.size() + " 人不符"));
        }
        return problems;
    }

    public boolean quorate(int representatives, int present) {
        return representatives > 0 && present >= required(representatives);
    }

    /** How many representatives must attend; a share configured as 0.6667 means two thirds. */
    public int required(int representatives) {
        return (int) Math.ceil(representatives * quorumShare - 1e-3);
    }

    /** Whether a quorate, consistent vote passed the topic. */
    public boolean passed(Vote vote) {
        return vote.votesFor() > new HashSet<>(vote.attendees()).size() * passShare;
    }
}
