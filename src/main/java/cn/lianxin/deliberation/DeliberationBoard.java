package cn.lianxin.deliberation;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit's public notice board and what the public adds to it: opinions and objections while a
 * plan or result is noticed, evaluations while a completion is. Personal data of commenters is
 * masked everywhere here. A topic's whole public record is {@link PublicRecords}.
 */
@Service
class DeliberationBoard {

    record PublicNotice(
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
    record OpinionRequest(String authorName, String phone, String content, Boolean objection)
            implements RefusesUnknownFields {}

    record EvaluationRequest(String satisfaction, String comment, String accessCode) implements RefusesUnknownFields {}

    private final Topics topics;
    private final TopicLog log;
    private final Notices notices;
    private final Opinions opinions;
    private final Evaluations evaluations;
    private final Units units;
    private final AccessCodes accessCodes;

    DeliberationBoard(
            Topics topics,
            TopicLog log,
            Notices notices,
            Opinions opinions,
            Evaluations evaluations,
            Units units,
            AccessCodes accessCodes) {
        this.topics = topics;
        this.log = log;
        this.notices = notices;
        this.opinions = opinions;
        this.evaluations = evaluations;
        this.units = units;
        this.accessCodes = accessCodes;
    }

    /** An opinion or objection on the topic's open notice; signed-in representatives are marked. */
    @Transactional
    void postOpinion(String no, OpinionRequest request, String userId, String userName) {
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
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        Instant now = EngineTime.now();
        Notice notice = Notices.openOf(notices.ofTopic(no), now, NoticeKind.PLAN, NoticeKind.RESULT)
                .orElseThrow(() -> new ApiProblemException(
                        HttpStatus.CONFLICT, "notice-closed", topic.stage().label()));
        boolean objection = Boolean.TRUE.equals(request.objection());
        opinions.add(no, notice.id(), author, phone, userId, objection, content, now);
        log.log(
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
    ListPage<PublicNotice> board(String unit, Long before, int size) {
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

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static ApiProblemException notFound() {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "deliberation-not-found");
    }
}
