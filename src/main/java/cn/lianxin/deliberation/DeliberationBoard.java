package cn.lianxin.deliberation;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.citizen.Masking;
import cn.lianxin.citizen.RefusesUnknownFields;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.deliberation.Notices.Notice;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.system.ListPage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit's public notice board and what the public adds to it: opinions and objections while a
 * plan or result is noticed, evaluations while a completion is. Personal data of commenters is
 * masked everywhere here. A topic's whole public record is {@link PublicRecords}.
 */
@Service
public class DeliberationBoard {

    /** A notice as the public reads it; {@code open} while its period runs. */
    public record PublicNotice(
            long id,
            String deliberationNo,
            String kind,
            String kindLabel,
            String title,
            String body,
            Instant opensAt,
            Instant closesAt,
            boolean open) {

        static PublicNotice of(Notice n, Instant now) {
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
    }

    /** Whether the author is a representative is the server's to decide: other fields are refused. */
    public record OpinionRequest(String authorName, String phone, String content, Boolean objection)
            implements RefusesUnknownFields {}

    record EvaluationRequest(String satisfaction, String comment, String accessCode) implements RefusesUnknownFields {}

    private final Topics topics;
    private final TopicLog log;
    private final Notices notices;
    private final Opinions opinions;
    private final Evaluations evaluations;
    private final Units units;
    private final AccessCodes accessCodes;
    private final Meetings meetings;
    private final Ledgers ledgers;

    DeliberationBoard(
            Topics topics,
            TopicLog log,
            Notices notices,
            Opinions opinions,
            Evaluations evaluations,
            Units units,
            AccessCodes accessCodes,
            Meetings meetings,
            Ledgers ledgers) {
        this.meetings = meetings;
        this.ledgers = ledgers;
        this.topics = topics;
        this.log = log;
        this.notices = notices;
        this.opinions = opinions;
        this.evaluations = evaluations;
        this.units = units;
        this.accessCodes = accessCodes;
    }

    /**
     * One notice of a village's board page with what a resident wants to know beside it: where its
     * topic stands, the calendar days left while it is open, the topic's latest meeting (on a result
     * notice) and the ledger's milestones with their lights (on the topic's newest notice of the page).
     */
    public record BoardEntry(
            PublicNotice notice,
            String stageLabel,
            Integer daysLeft,
            PublicRecords.PublicMeeting meeting,
            List<PublicRecords.PublicMilestone> milestones) {}

    /** An opinion or objection on the topic's open notice; signed-in representatives are marked. */
    @Transactional
    void postOpinion(String no, OpinionRequest request, String userId, String userName) {
        postOpinion(no, request, userId, userName, null);
    }

    /**
     * An opinion or objection from the board's page: {@code formKey} is the form's one-time key, so
     * the same form sent twice (a replayed POST) is stored once; {@code false} when it was a replay.
     */
    @Transactional
    public boolean postOpinion(String no, OpinionRequest request, String formKey) {
        return postOpinion(no, request, null, null, formKey);
    }

    private boolean postOpinion(String no, OpinionRequest request, String userId, String userName, String formKey) {
        Topic topic = topics.byNo(no).orElseThrow(DeliberationBoard::notFound);
        List<FieldError> problems = new ArrayList<>();
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
        if (formKey != null && (formKey.isBlank() || formKey.length() > 100)) {
            problems.add(new FieldError("formKey", "表单已失效，请重新打开本页再提交"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        if (formKey != null && opinions.hasFormKey(no, formKey)) {
            return false;
        }
        Instant now = EngineTime.now();
        Notice notice = Notices.openOf(notices.ofTopic(no), now, NoticeKind.PLAN, NoticeKind.RESULT)
                .orElseThrow(() -> new ApiProblemException(
                        HttpStatus.CONFLICT, "notice-closed", topic.stage().label()));
        boolean objection = Boolean.TRUE.equals(request.objection());
        opinions.add(no, notice.id(), author, phone, userId, objection, content, now, formKey);
        log.log(
                no,
                now,
                userId,
                "OPINION",
                (userId != null ? "议事代表" : "群众") + Masking.name(author) + "提出" + (objection ? "异议" : "意见") + "："
                        + content,
                true);
        return true;
    }

    @Transactional
    void evaluate(String no, EvaluationRequest request, String clientAddress) {
        Topic topic = topics.byNo(no).orElseThrow(DeliberationBoard::notFound);
        Satisfaction satisfaction = null;
        try {
            satisfaction = request.satisfaction() == null ? null : Satisfaction.valueOf(request.satisfaction());
        } catch (IllegalArgumentException e) {
            // reported below with the other problems
        }
        List<FieldError> problems = new ArrayList<>();
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
                    no, request.accessCode(), topics.accessCodeHash(no).orElse(null), clientAddress)) {
                throw ApiProblemException.invalid(List.of(new FieldError("accessCode", "查询码不正确（不填则作为一般群众评价）")));
            }
            byProposer = true;
        }
        Instant now = EngineTime.now();
        Notices.openOf(notices.ofTopic(no), now, NoticeKind.COMPLETION)
                .orElseThrow(() -> new ApiProblemException(
                        HttpStatus.CONFLICT, "evaluation-closed", topic.stage().label()));
        evaluations.add(no, satisfaction.name(), comment, byProposer, now);
        log.log(
                no,
                now,
                null,
                "EVALUATION",
                (byProposer ? "提议人" : "群众") + "评价：" + satisfaction.label() + (comment == null ? "" : "，" + comment),
                true);
    }

    /** Whether a member of these groups represents the topic's village. */
    boolean isRepresentativeFor(String no, Collection<String> groupIds) {
        return topics.byNo(no)
                .map(t -> groupIds.contains(Role.DELIBERATION_REP.groupIdIn(t.villageCode())))
                .orElse(false);
    }

    /**
     * A page of a village's notice board, newest first, going on after the notice {@code before} (the
     * {@code next} of the page before): the unit from {@link Units}' kept tree, then at most two
     * statements whatever the size. A {@code before} that is not a notice of this board is a 400
     * naming it.
     */
    public ListPage<PublicNotice> board(String unit, Long before, int size) {
        if (unit == null || unit.isBlank()) {
            throw ApiProblemException.invalid(List.of(new FieldError("unit", "必须指定村（社区）代码，如 v0101")));
        }
        Unit village = units.byCode(unit.trim())
                .filter(u -> u.kind() == UnitKind.VILLAGE)
                .orElseThrow(() -> ApiProblemException.invalid(List.of(new FieldError("unit", "未知的村（社区）：" + unit))));
        Notice after = null;
        if (before != null) {
            after = notices.byId(before)
                    .filter(n -> village.code().equals(n.villageCode()))
                    .orElseThrow(
                            () -> ApiProblemException.invalid(List.of(new FieldError("before", "应为上一页 next 给出的公示编号"))));
        }
        Instant now = EngineTime.now();
        return ListPage.after(notices.ofUnit(village.code(), after, size + 1), size, n -> String.valueOf(n.id()))
                .map(n -> PublicNotice.of(n, now));
    }

    /**
     * A page of the village's board ({@link #board}) with each notice's topic stage, days left, latest
     * meeting and milestones: at most four statements more, whatever the page's size (the topics, their
     * meetings, their milestones).
     */
    public ListPage<BoardEntry> boardPage(String unit, Long before, int size) {
        ListPage<PublicNotice> page = board(unit, before, size);
        List<String> numbers = page.items().stream()
                .map(PublicNotice::deliberationNo)
                .distinct()
                .toList();
        Map<String, Topic> topicsByNo = new HashMap<>();
        topics.byNos(numbers).forEach(t -> topicsByNo.put(t.deliberationNo(), t));
        List<String> withResults = page.items().stream()
                .filter(n -> NoticeKind.RESULT.name().equals(n.kind()))
                .map(PublicNotice::deliberationNo)
                .distinct()
                .toList();
        Map<String, PublicRecords.PublicMeeting> meetingsByNo = new HashMap<>();
        meetings.latestOf(withResults).forEach((no, m) -> meetingsByNo.put(no, PublicRecords.meeting(m)));
        Map<String, List<PublicRecords.PublicMilestone>> milestonesByNo = new HashMap<>();
        ledgers.milestonesOf(numbers)
                .forEach((no, list) -> milestonesByNo.put(
                        no, list.stream().map(PublicRecords::milestone).toList()));
        Instant now = EngineTime.now();
        LocalDate today = now.atZone(WorkingDays.ZONE).toLocalDate();
        Set<String> ledgerShown = new HashSet<>();
        return page.map(n -> {
            Topic topic = topicsByNo.get(n.deliberationNo());
            Integer daysLeft = n.open()
                    ? (int) ChronoUnit.DAYS.between(
                            today, n.closesAt().atZone(WorkingDays.ZONE).toLocalDate())
                    : null;
            List<PublicRecords.PublicMilestone> milestones = ledgerShown.add(n.deliberationNo())
                    ? milestonesByNo.getOrDefault(n.deliberationNo(), List.of())
                    : List.of();
            return new BoardEntry(
                    n,
                    topic == null ? null : topic.stage().label(),
                    daysLeft,
                    NoticeKind.RESULT.name().equals(n.kind()) ? meetingsByNo.get(n.deliberationNo()) : null,
                    milestones);
        });
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static ApiProblemException notFound() {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "deliberation-not-found");
    }
}
