package cn.lianxin.deliberation;

import cn.lianxin.appeal.LinkedTopics;
import cn.lianxin.appeal.Masking;
import cn.lianxin.appeal.Satisfaction;
import cn.lianxin.deliberation.Deliberations.Notice;
import cn.lianxin.deliberation.Deliberations.NoticeKind;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.supervision.SupervisedRecords;
import cn.lianxin.system.AccessCodes;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.system.RefusesUnknownFields;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side of deliberation: the unit's notice board, a topic's public record, opinions
 * while a notice is open and evaluations of an implemented topic. Personal data of proposers and
 * commenters is masked everywhere here.
 */
@Service
class DeliberationBoard implements LinkedTopics, SupervisedRecords {

    record PublicNotice(
            long id,
            String deliberationNo,
            String kind,
            String kindLabel,
            String title,
            String body,
            Instant opensAt,
            Instant closesAt,
            boolean open) {}

    record PublicOpinion(String author, boolean representative, boolean objection, String content, Instant postedAt) {}

    record PublicMeeting(
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

    record PublicMilestone(
            String title, Instant dueAt, String light, String lightLabel, String progress, Instant reportedAt) {}

    record PublicLedger(
            String responsibleUnit,
            String measures,
            List<PublicMilestone> milestones,
            Instant completedAt,
            String summary) {}

    record TimelineEntry(Instant at, String entry) {}

    record PublicTopic(
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
            List<PublicNotice> notices,
            List<PublicOpinion> opinions,
            List<PublicMeeting> meetings,
            PublicLedger ledger,
            Map<String, Long> evaluations,
            int linkedCases,
            List<TimelineEntry> timeline) {}

    /** Whether the author is a representative is the server's to decide: other fields are refused. */
    record OpinionRequest(String authorName, String phone, String content, Boolean objection)
            implements RefusesUnknownFields {}

    record EvaluationRequest(String satisfaction, String comment, String accessCode) implements RefusesUnknownFields {}

    private final Deliberations deliberations;
    private final Units units;
    private final AccessCodes accessCodes;

    DeliberationBoard(Deliberations deliberations, Units units, AccessCodes accessCodes) {
        this.deliberations = deliberations;
        this.units = units;
        this.accessCodes = accessCodes;
    }

    PublicTopic view(String no) {
        Deliberations.Topic topic = deliberations.byNo(no).orElseThrow(DeliberationBoard::notFound);
        Instant now = now();
        List<Notice> notices = deliberations.noticesOfTopic(no);
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
                openNotice(notices, now, NoticeKind.PLAN, NoticeKind.RESULT).isPresent(),
                openNotice(notices, now, NoticeKind.COMPLETION).isPresent(),
                notices.stream().map(n -> publicNotice(n, now)).toList(),
                deliberations.opinionsOf(no).stream()
                        .map(o -> new PublicOpinion(
                                Masking.name(o.authorName()),
                                o.userId() != null,
                                o.objection(),
                                o.content(),
                                o.postedAt()))
                        .toList(),
                deliberations.minutesOf(no).stream()
                        .map(m -> new PublicMeeting(
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
                                m.minutes()))
                        .toList(),
                deliberations
                        .ledger(no)
                        .map(l -> new PublicLedger(
                                unitName(l.responsibleUnit()),
                                l.measures(),
                                deliberations.milestonesOf(no).stream()
                                        .map(m -> new PublicMilestone(
                                                m.title(),
                                                m.dueAt(),
                                                m.light(),
                                                cn.lianxin.deadline.TrafficLight.valueOf(m.light())
                                                        .label(),
                                                m.progress(),
                                                m.reportedAt()))
                                        .toList(),
                                l.completedAt(),
                                l.summary()))
                        .orElse(null),
                evaluationCounts(no),
                deliberations.linkedCases(no).size(),
                deliberations.logOf(no, true).stream()
                        .map(e -> new TimelineEntry(e.at(), e.entry()))
                        .toList());
    }

    /** An opinion or objection on the topic's open notice; signed-in representatives are marked. */
    @Transactional
    void postOpinion(String no, OpinionRequest request, String userId, String userName) {
        Deliberations.Topic topic = deliberations.byNo(no).orElseThrow(DeliberationBoard::notFound);
        List<FieldError> problems = new java.util.ArrayList<>();
        String author = userId != null ? userName : text(request.authorName());
        if (author == null) {
            problems.add(new FieldError("authorName", "必须填写姓名（公开时只显示姓氏）"));
        } else if (author.length() > 50) {
            problems.add(new FieldError("authorName", "不能超过 50 个字"));
        }
        String phone = text(request.phone());
        if (phone != null && !phone.matches("1[3-9]\\d{9}")) {
            problems.add(new FieldError("phone", "应为 11 位大陆手机号码"));
        }
        String content = text(request.content());
        if (content == null) {
            problems.add(new FieldError("content", "必须填写意见内容"));
        } else if (content.length() > 1000) {
            problems.add(new FieldError("content", "不能超过 1000 个字"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        Instant now = now();
        Notice notice = openNotice(deliberations.noticesOfTopic(no), now, NoticeKind.PLAN, NoticeKind.RESULT)
                .orElseThrow(() -> new ApiProblemException(
                        HttpStatus.CONFLICT, "notice-closed", topic.stage().label()));
        boolean objection = Boolean.TRUE.equals(request.objection());
        deliberations.addOpinion(no, notice.id(), author, phone, userId, objection, content, now);
        deliberations.log(
                no,
                now,
                userId,
                "OPINION",
                (userId != null ? "议事代表" : "群众") + Masking.name(author) + "提出" + (objection ? "异议" : "意见") + "："
                        + content,
                true);
    }

    @Transactional
    void evaluate(String no, EvaluationRequest request, String clientAddress) {
        Deliberations.Topic topic = deliberations.byNo(no).orElseThrow(DeliberationBoard::notFound);
        Satisfaction satisfaction = null;
        try {
            satisfaction = request.satisfaction() == null ? null : Satisfaction.valueOf(request.satisfaction());
        } catch (IllegalArgumentException e) {
            // reported below with the other problems
        }
        List<FieldError> problems = new java.util.ArrayList<>();
        if (satisfaction == null) {
            problems.add(new FieldError("satisfaction", "应为 SATISFIED、BASICALLY_SATISFIED 或 UNSATISFIED"));
        }
        String comment = text(request.comment());
        if (comment != null && comment.length() > 500) {
            problems.add(new FieldError("comment", "不能超过 500 个字"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        boolean byProposer = false;
        if (text(request.accessCode()) != null) {
            // limited per client address and per topic: the proposer's code is a secret like a case's
            if (!accessCodes.opens(
                    no, request.accessCode(), deliberations.accessCodeHash(no).orElse(null), clientAddress)) {
                throw ApiProblemException.invalid(List.of(new FieldError("accessCode", "查询码不正确（不填则作为一般群众评价）")));
            }
            byProposer = true;
        }
        Instant now = now();
        openNotice(deliberations.noticesOfTopic(no), now, NoticeKind.COMPLETION)
                .orElseThrow(() -> new ApiProblemException(
                        HttpStatus.CONFLICT, "evaluation-closed", topic.stage().label()));
        deliberations.addEvaluation(no, satisfaction.name(), comment, byProposer, now);
        deliberations.log(
                no,
                now,
                null,
                "EVALUATION",
                (byProposer ? "提议人" : "群众") + "评价：" + satisfaction.label() + (comment == null ? "" : "，" + comment),
                true);
    }

    /** Whether a member of these groups represents the topic's village. */
    boolean isRepresentativeFor(String no, java.util.Collection<String> groupIds) {
        return deliberations
                .byNo(no)
                .map(t -> groupIds.contains(cn.lianxin.identity.Role.DELIBERATION_REP.groupIdIn(t.villageCode())))
                .orElse(false);
    }

    /** A village's notice board, newest first. */
    List<PublicNotice> board(String unit) {
        if (unit == null || unit.isBlank()) {
            throw ApiProblemException.invalid(List.of(new FieldError("unit", "必须指定村（社区）代码，如 v0101")));
        }
        Unit village = units.byCode(unit.trim())
                .filter(u -> u.kind() == UnitKind.VILLAGE)
                .orElseThrow(() -> ApiProblemException.invalid(List.of(new FieldError("unit", "未知的村（社区）：" + unit))));
        Instant now = now();
        return deliberations.noticesOfUnit(village.code(), 200).stream()
                .map(n -> publicNotice(n, now))
                .toList();
    }

    // ---- LinkedTopics: the case's public view shows its topics ----

    @Override
    public List<LinkedTopics.Topic> of(String trackingNo) {
        return deliberations.topicsOfCase(trackingNo).stream()
                .map(t -> new LinkedTopics.Topic(
                        t.deliberationNo(),
                        t.title(),
                        t.stage().label(),
                        t.status() == null ? null : t.status().label()))
                .toList();
    }

    // ---- SupervisedRecords: supervision writes into the topic's log ----

    @Override
    public boolean handles(String number) {
        return number.startsWith(DeliberationIntake.NUMBER_PREFIX);
    }

    @Override
    public boolean exists(String number) {
        return deliberations.byNo(number).isPresent();
    }

    @Override
    public void record(String number, String actor, String kind, String entry, boolean shownToPublic) {
        deliberations.log(number, now(), actor, kind, entry, shownToPublic);
    }

    // ---- helpers ----

    private Map<String, Long> evaluationCounts(String no) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Satisfaction s : Satisfaction.values()) {
            counts.put(s.name(), 0L);
        }
        counts.putAll(deliberations.evaluationsOf(no).stream()
                .collect(Collectors.groupingBy(Deliberations.Evaluation::satisfaction, Collectors.counting())));
        return counts;
    }

    private static Optional<Notice> openNotice(List<Notice> notices, Instant at, NoticeKind... kinds) {
        List<NoticeKind> wanted = List.of(kinds);
        return notices.stream()
                .filter(n -> wanted.contains(n.kind()) && n.openAt(at))
                .max(Comparator.comparing(Notice::opensAt));
    }

    private static PublicNotice publicNotice(Notice n, Instant now) {
        return new PublicNotice(
                n.id(),
                n.deliberationNo(),
                n.kind().name(),
                n.kind().label(),
                n.title(),
                n.body(),
                n.opensAt(),
                n.closesAt(),
                n.openAt(now));
    }

    private String unitName(String code) {
        return units.byCode(code).map(Unit::name).orElse(code);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static ApiProblemException notFound() {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "deliberation-not-found");
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
