package cn.lianxin.deliberation;

import cn.lianxin.citizen.Masking;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.deliberation.Notices.Notice;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A topic's public record ({@code GET /api/deliberations/{no}}): what was proposed and decided, its
 * notices, the opinions, the meetings and their votes, the ledger and its milestones, the public's
 * evaluations and the public timeline. Proposers' and commenters' names are masked.
 */
@Service
public class PublicRecords {

    public record PublicOpinion(
            String author, boolean representative, boolean objection, String content, Instant postedAt) {}

    public record PublicMeeting(
            Instant heldAt,
            int present,
            int representatives,
            boolean quorate,
            Integer votesFor,
            Integer votesAgainst,
            Integer votesAbstain,
            Boolean passed,
            String agenda,
            String speeches,
            String minutes) {}

    public record PublicMilestone(
            String title, Instant dueAt, String light, String lightLabel, String progress, Instant reportedAt) {}

    public record PublicLedger(
            String responsibleUnit,
            String measures,
            List<PublicMilestone> milestones,
            Instant completedAt,
            String summary) {}

    public record TimelineEntry(Instant at, String entry) {}

    public record PublicTopic(
            String deliberationNo,
            String title,
            String background,
            String affectedArea,
            String options,
            String origin,
            String originLabel,
            String proposer,
            String village,
            String stage,
            String stageLabel,
            String status,
            String statusLabel,
            String reviewReasons,
            String mergedInto,
            Instant meetingAt,
            String meetingPlace,
            String participants,
            String plan,
            boolean acceptsOpinions,
            boolean acceptsEvaluations,
            List<DeliberationBoard.PublicNotice> notices,
            List<PublicOpinion> opinions,
            List<PublicMeeting> meetings,
            PublicLedger ledger,
            Map<String, Long> evaluations,
            int linkedCases,
            List<TimelineEntry> timeline) {}

    private final Topics topics;
    private final TopicLog log;
    private final Notices notices;
    private final Opinions opinions;
    private final Meetings meetings;
    private final Ledgers ledgers;
    private final Evaluations evaluations;
    private final LinkedCases linkedCases;
    private final Units units;

    PublicRecords(
            Topics topics,
            TopicLog log,
            Notices notices,
            Opinions opinions,
            Meetings meetings,
            Ledgers ledgers,
            Evaluations evaluations,
            LinkedCases linkedCases,
            Units units) {
        this.topics = topics;
        this.log = log;
        this.notices = notices;
        this.opinions = opinions;
        this.meetings = meetings;
        this.ledgers = ledgers;
        this.evaluations = evaluations;
        this.linkedCases = linkedCases;
        this.units = units;
    }

    /** The topic's public record; {@code 404} when there is no such topic. */
    public PublicTopic view(String no) {
        Topic topic = topics.byNo(no).orElseThrow(DeliberationBoard::notFound);
        Instant now = EngineTime.now();
        List<Notice> notices = this.notices.ofTopic(no);
        return new PublicTopic(
                topic.deliberationNo(),
                topic.title(),
                topic.background(),
                topic.affectedArea(),
                topic.options(),
                topic.origin().name(),
                topic.origin().label(),
                Masking.name(topic.proposerName()),
                unitName(topic.villageCode()),
                topic.stage().name(),
                topic.stage().label(),
                topic.status() == null ? null : topic.status().name(),
                topic.status() == null ? null : topic.status().label(),
                topic.status() == TopicStatus.REJECTED || topic.status() == TopicStatus.MERGED
                        ? topic.reviewReasons()
                        : null,
                topic.mergedInto(),
                topic.meetingAt(),
                topic.meetingPlace(),
                topic.participants(),
                topic.plan(),
                Notices.openOf(notices, now, NoticeKind.PLAN, NoticeKind.RESULT).isPresent(),
                Notices.openOf(notices, now, NoticeKind.COMPLETION).isPresent(),
                notices.stream()
                        .map(n -> DeliberationBoard.PublicNotice.of(n, now))
                        .toList(),
                opinions.of(no).stream()
                        .map(o -> new PublicOpinion(
                                Masking.name(o.authorName()),
                                o.userId() != null,
                                o.objection(),
                                o.content(),
                                o.postedAt()))
                        .toList(),
                meetings.minutesOf(no).stream().map(PublicRecords::meeting).toList(),
                ledgers.of(no)
                        .map(l -> new PublicLedger(
                                unitName(l.responsibleUnit()),
                                l.measures(),
                                ledgers.milestonesOf(no).stream()
                                        .map(PublicRecords::milestone)
                                        .toList(),
                                l.completedAt(),
                                l.summary()))
                        .orElse(null),
                evaluationCounts(no),
                linkedCases.of(no).size(),
                log.of(no, true).stream()
                        .map(e -> new TimelineEntry(e.at(), e.entry()))
                        .toList());
    }

    static PublicMeeting meeting(Meetings.Minutes m) {
        return new PublicMeeting(
                m.heldAt(),
                m.attendees().size(),
                m.representativesTotal(),
                m.quorate(),
                m.quorate() ? m.votesFor() : null,
                m.quorate() ? m.votesAgainst() : null,
                m.quorate() ? m.votesAbstain() : null,
                m.passed(),
                m.agenda(),
                m.speeches(),
                m.minutes());
    }

    static PublicMilestone milestone(Ledgers.Milestone m) {
        return new PublicMilestone(
                m.title(), m.dueAt(), m.light(), TrafficLight.valueOf(m.light()).label(), m.progress(), m.reportedAt());
    }

    /** Every satisfaction, counted, so the page shows a zero as a zero. */
    private Map<String, Long> evaluationCounts(String no) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Satisfaction s : Satisfaction.values()) {
            counts.put(s.name(), 0L);
        }
        counts.putAll(evaluations.counts(no));
        return counts;
    }

    private String unitName(String code) {
        return units.byCode(code).map(Unit::name).orElse(code);
    }
}
