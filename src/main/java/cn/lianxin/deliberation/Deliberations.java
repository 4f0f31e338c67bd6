package cn.lianxin.deliberation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The topics and everything recorded about them: log, notices, opinions, minutes, ledger, evaluations. */
@Repository
class Deliberations {

    /** A topic as the platform keeps it; personal data stays here, never in the process. */
    record Topic(
            String deliberationNo,
            String title,
            String background,
            String affectedArea,
            String options,
            Origin origin,
            String proposerName,
            String phone,
            String villageCode,
            Stage stage,
            TopicStatus status,
            String reviewReasons,
            String mergedInto,
            Instant meetingAt,
            String meetingPlace,
            String participants,
            String plan,
            Boolean passed,
            String processInstanceId,
            Instant createdAt,
            Instant archivedAt) {}

    /** What intake records of a new topic. */
    record Draft(
            String title,
            String background,
            String affectedArea,
            String options,
            Origin origin,
            String proposerName,
            String phone,
            String villageCode) {}

    enum NoticeKind {
        PLAN("协商前公示"),
        RESULT("协商结果公示"),
        REJECTION("议题不予受理公告"),
        MERGER("议题合并公告"),
        PROGRESS("落实进展公开"),
        COMPLETION("办结公示（群众评价）");

        private final String label;

        NoticeKind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record Notice(
            long id,
            String deliberationNo,
            String villageCode,
            NoticeKind kind,
            String title,
            String body,
            Instant opensAt,
            Instant closesAt,
            Instant closedAt,
            Instant meetingAt,
            Boolean onTime) {

        boolean openAt(Instant at) {
            return closesAt != null && closedAt == null && !at.isBefore(opensAt) && at.isBefore(closesAt);
        }
    }

    record Opinion(
            long id,
            long noticeId,
            String authorName,
            String phone,
            String userId,
            boolean objection,
            String content,
            Instant postedAt) {}

    record Minutes(
            long id,
            Instant heldAt,
            String agenda,
            String speeches,
            String minutes,
            int representativesTotal,
            boolean quorate,
            Boolean passed,
            List<String> attendees,
            int votesFor,
            int votesAgainst,
            int votesAbstain) {}

    record Ledger(String responsibleUnit, String measures, Instant openedAt, Instant completedAt, String summary) {}

    record Milestone(
            long id,
            String title,
            Instant dueAt,
            String light,
            String progress,
            String reportedBy,
            Instant reportedAt) {}

    record Evaluation(String satisfaction, String comment, boolean byProposer, Instant postedAt) {}

    record LogEntry(Instant at, String actor, String kind, String entry, boolean shownToPublic) {}

    private static final String TOPIC_COLUMNS = "deliberation_no, title, background, affected_area, options, origin,"
            + " proposer_name, phone, village_code, stage, status, review_reasons, merged_into, meeting_at,"
            + " meeting_place, participants, plan, passed, process_instance_id, created_at, archived_at";

    private final JdbcClient jdbc;

    Deliberations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- topics ----

    long nextNumber() {
        return jdbc.sql("select nextval('deliberation_seq')").query(Long.class).single();
    }

    void insert(
            String no,
            String accessCodeHash,
            Draft draft,
            String idempotencyKey,
            String idempotencyFingerprint,
            Instant at) {
        jdbc.sql("insert into deliberation (deliberation_no, access_code_hash, title, background, affected_area,"
                        + " options, origin, proposer_name, phone, village_code, stage, idempotency_key,"
                        + " idempotency_fingerprint, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        no,
                        accessCodeHash,
                        draft.title(),
                        draft.background(),
                        draft.affectedArea(),
                        draft.options(),
                        draft.origin().name(),
                        draft.proposerName(),
                        draft.phone(),
                        draft.villageCode(),
                        Stage.REVIEW.name(),
                        idempotencyKey,
                        idempotencyFingerprint,
                        utc(at),
                        utc(at))
                .update();
    }

    Optional<Topic> byNo(String no) {
        return jdbc.sql("select " + TOPIC_COLUMNS + " from deliberation where deliberation_no = ?")
                .param(no)
                .query(Deliberations::topic)
                .optional();
    }

    /** A topic opened earlier under an Idempotency-Key, and the fingerprint of that first request. */
    record Keyed(String deliberationNo, String fingerprint) {}

    Optional<Keyed> byIdempotencyKey(String key) {
        return jdbc.sql("select deliberation_no, idempotency_fingerprint from deliberation where idempotency_key = ?")
                .param(key)
                .query((rs, row) -> new Keyed(rs.getString(1), rs.getString(2)))
                .optional();
    }

    Optional<String> accessCodeHash(String no) {
        return jdbc.sql("select access_code_hash from deliberation where deliberation_no = ?")
                .param(no)
                .query(String.class)
                .optional();
    }

    void attachProcess(String no, String processInstanceId) {
        jdbc.sql("update deliberation set process_instance_id = ? where deliberation_no = ?")
                .params(processInstanceId, no)
                .update();
    }

    void stage(String no, Stage stage, Instant at) {
        jdbc.sql("update deliberation set stage = ?, updated_at = ? where deliberation_no = ?")
                .params(stage.name(), utc(at), no)
                .update();
    }

    void recordReview(String no, String reasons, String mergedInto, Instant at) {
        jdbc.sql(
                        "update deliberation set review_reasons = ?, merged_into = ?, updated_at = ? where deliberation_no = ?")
                .params(reasons, mergedInto, utc(at), no)
                .update();
    }

    void recordPlan(String no, Instant meetingAt, String place, String participants, String plan, Instant at) {
        jdbc.sql("update deliberation set meeting_at = ?, meeting_place = ?, participants = ?, plan = ?, stage = ?,"
                        + " updated_at = ? where deliberation_no = ?")
                .params(utc(meetingAt), place, participants, plan, Stage.NOTICE.name(), utc(at), no)
                .update();
    }

    void recordPassed(String no, boolean passed, Instant at) {
        jdbc.sql("update deliberation set passed = ?, updated_at = ? where deliberation_no = ?")
                .params(passed, utc(at), no)
                .update();
    }

    void archive(String no, TopicStatus status, Instant at) {
        jdbc.sql(
                        "update deliberation set status = ?, stage = ?, archived_at = ?, updated_at = ? where deliberation_no = ?")
                .params(status.name(), Stage.ARCHIVED.name(), utc(at), utc(at), no)
                .update();
    }

    /** Topics of a unit still before their meeting, which another topic may be merged into. */
    List<Topic> openTopicsOf(String villageCode) {
        return jdbc.sql("select " + TOPIC_COLUMNS + " from deliberation where village_code = ? and status is null"
                        + " order by created_at")
                .param(villageCode)
                .query(Deliberations::topic)
                .list();
    }

    // ---- the topic's log ----

    void log(String no, Instant at, String actor, String kind, String entry, boolean shownToPublic) {
        jdbc.sql("insert into deliberation_log (deliberation_no, logged_at, actor, kind, entry, shown_to_public)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(no, utc(at), actor, kind, entry, shownToPublic)
                .update();
    }

    List<LogEntry> logOf(String no, boolean publicOnly) {
        return jdbc.sql("select logged_at, actor, kind, entry, shown_to_public from deliberation_log"
                        + " where deliberation_no = ?" + (publicOnly ? " and shown_to_public" : "")
                        + " order by logged_at, id")
                .param(no)
                .query((rs, i) -> new LogEntry(
                        instant(rs, "logged_at"),
                        rs.getString("actor"),
                        rs.getString("kind"),
                        rs.getString("entry"),
                        rs.getBoolean("shown_to_public")))
                .list();
    }

    // ---- cases linked to a topic ----

    void link(String no, String trackingNo) {
        if (jdbc.sql("select count(*) from deliberation_case where deliberation_no = ? and tracking_no = ?")
                        .params(no, trackingNo)
                        .query(Integer.class)
                        .single()
                == 0) {
            jdbc.sql("insert into deliberation_case (deliberation_no, tracking_no) values (?, ?)")
                    .params(no, trackingNo)
                    .update();
        }
    }

    List<String> linkedCases(String no) {
        return jdbc.sql("select tracking_no from deliberation_case where deliberation_no = ? order by tracking_no")
                .param(no)
                .query(String.class)
                .list();
    }

    List<Topic> topicsOfCase(String trackingNo) {
        return jdbc.sql("select " + prefixed("d") + " from deliberation d join deliberation_case c"
                        + " on c.deliberation_no = d.deliberation_no where c.tracking_no = ? order by d.created_at")
                .param(trackingNo)
                .query(Deliberations::topic)
                .list();
    }

    // ---- notices ----

    long openNotice(
            String no,
            String villageCode,
            NoticeKind kind,
            String title,
            String body,
            Instant opensAt,
            Instant closesAt,
            Instant meetingAt,
            Boolean onTime) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into deliberation_notice (deliberation_no, village_code, kind, title, body, opens_at,"
                        + " closes_at, meeting_at, on_time) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        no,
                        villageCode,
                        kind.name(),
                        title,
                        body,
                        utc(opensAt),
                        closesAt == null ? null : utc(closesAt),
                        meetingAt == null ? null : utc(meetingAt),
                        onTime)
                .update(key, "id");
        return id(key);
    }

    void closeNotice(long id, Instant at) {
        jdbc.sql("update deliberation_notice set closed_at = ? where id = ? and closed_at is null")
                .params(utc(at), id)
                .update();
    }

    Optional<Notice> notice(long id) {
        return jdbc.sql("select * from deliberation_notice where id = ?")
                .param(id)
                .query(Deliberations::notice)
                .optional();
    }

    List<Notice> noticesOfTopic(String no) {
        return jdbc.sql("select * from deliberation_notice where deliberation_no = ? order by opens_at, id")
                .param(no)
                .query(Deliberations::notice)
                .list();
    }

    List<Notice> noticesOfUnit(String villageCode, int limit) {
        return jdbc.sql("select * from deliberation_notice where village_code = ? order by opens_at desc, id desc"
                        + " limit " + limit)
                .param(villageCode)
                .query(Deliberations::notice)
                .list();
    }

    // ---- opinions ----

    void addOpinion(
            String no,
            long noticeId,
            String authorName,
            String phone,
            String userId,
            boolean objection,
            String content,
            Instant at) {
        jdbc.sql("insert into deliberation_opinion (deliberation_no, notice_id, author_name, phone, user_id, objection,"
                        + " content, posted_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(no, noticeId, authorName, phone, userId, objection, content, utc(at))
                .update();
    }

    List<Opinion> opinionsOf(String no) {
        return jdbc.sql("select * from deliberation_opinion where deliberation_no = ? order by posted_at, id")
                .param(no)
                .query((rs, i) -> new Opinion(
                        rs.getLong("id"),
                        rs.getLong("notice_id"),
                        rs.getString("author_name"),
                        rs.getString("phone"),
                        rs.getString("user_id"),
                        rs.getBoolean("objection"),
                        rs.getString("content"),
                        instant(rs, "posted_at")))
                .list();
    }

    // ---- minutes, attendance, votes ----

    long addMinutes(
            String no,
            Instant heldAt,
            String agenda,
            String speeches,
            String minutes,
            int representativesTotal,
            boolean quorate,
            Boolean passed,
            List<String> attendees,
            Map<String, Integer> votes,
            String recordedBy,
            Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into deliberation_minutes (deliberation_no, held_at, agenda, speeches, minutes,"
                        + " representatives_total, quorate, passed, recorded_by, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        no,
                        utc(heldAt),
                        agenda,
                        speeches,
                        minutes,
                        representativesTotal,
                        quorate,
                        passed,
                        recordedBy,
                        utc(at))
                .update(key, "id");
        long id = id(key);
        attendees.forEach(user -> jdbc.sql("insert into deliberation_attendance (minutes_id, user_id) values (?, ?)")
                .params(id, user)
                .update());
        votes.forEach((choice, count) -> jdbc.sql(
                        "insert into deliberation_vote (minutes_id, choice, votes) values (?, ?, ?)")
                .params(id, choice, count)
                .update());
        return id;
    }

    List<Minutes> minutesOf(String no) {
        return jdbc
                .sql("select * from deliberation_minutes where deliberation_no = ? order by held_at, id")
                .param(no)
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    return new Minutes(
                            id,
                            instant(rs, "held_at"),
                            rs.getString("agenda"),
                            rs.getString("speeches"),
                            rs.getString("minutes"),
                            rs.getInt("representatives_total"),
                            rs.getBoolean("quorate"),
                            (Boolean) rs.getObject("passed"),
                            List.of(),
                            0,
                            0,
                            0);
                })
                .list()
                .stream()
                .map(this::withAttendanceAndVotes)
                .toList();
    }

    private Minutes withAttendanceAndVotes(Minutes m) {
        List<String> attendees = jdbc.sql(
                        "select user_id from deliberation_attendance where minutes_id = ? order by user_id")
                .param(m.id())
                .query(String.class)
                .list();
        Map<String, Integer> votes = new java.util.HashMap<>();
        jdbc.sql("select choice, votes from deliberation_vote where minutes_id = ?")
                .param(m.id())
                .query((rs, i) -> votes.put(rs.getString("choice"), rs.getInt("votes")))
                .list();
        return new Minutes(
                m.id(),
                m.heldAt(),
                m.agenda(),
                m.speeches(),
                m.minutes(),
                m.representativesTotal(),
                m.quorate(),
                m.passed(),
                attendees,
                votes.getOrDefault("FOR", 0),
                votes.getOrDefault("AGAINST", 0),
                votes.getOrDefault("ABSTAIN", 0));
    }

    // ---- ledger and milestones ----

    void openOrUpdateLedger(String no, String responsibleUnit, String measures, Instant at) {
        int updated = jdbc.sql("update deliberation_ledger set responsible_unit = ?, measures = ?, completed_at = null"
                        + " where deliberation_no = ?")
                .params(responsibleUnit, measures, no)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into deliberation_ledger (deliberation_no, responsible_unit, measures, opened_at)"
                            + " values (?, ?, ?, ?)")
                    .params(no, responsibleUnit, measures, utc(at))
                    .update();
        }
    }

    Optional<Ledger> ledger(String no) {
        return jdbc.sql("select * from deliberation_ledger where deliberation_no = ?")
                .param(no)
                .query((rs, i) -> new Ledger(
                        rs.getString("responsible_unit"),
                        rs.getString("measures"),
                        instant(rs, "opened_at"),
                        instant(rs, "completed_at"),
                        rs.getString("completion_summary")))
                .optional();
    }

    void completeLedger(String no, String summary, Instant at) {
        jdbc.sql("update deliberation_ledger set completed_at = ?, completion_summary = ? where deliberation_no = ?")
                .params(utc(at), summary, no)
                .update();
    }

    void addMilestone(String no, String title, Instant dueAt) {
        jdbc.sql("insert into deliberation_milestone (deliberation_no, title, due_at) values (?, ?, ?)")
                .params(no, title, utc(dueAt))
                .update();
    }

    List<Milestone> milestonesOf(String no) {
        return jdbc.sql("select * from deliberation_milestone where deliberation_no = ? order by due_at, id")
                .param(no)
                .query(Deliberations::milestone)
                .list();
    }

    Optional<Milestone> milestone(long id) {
        return jdbc.sql("select * from deliberation_milestone where id = ?")
                .param(id)
                .query(Deliberations::milestone)
                .optional();
    }

    /** The earliest milestone not yet reported on. */
    Optional<Milestone> nextMilestone(String no) {
        return milestonesOf(no).stream().filter(m -> m.reportedAt() == null).findFirst();
    }

    void reportMilestone(long id, String progress, String reportedBy, Instant at) {
        jdbc.sql("update deliberation_milestone set progress = ?, reported_by = ?, reported_at = ? where id = ?")
                .params(progress, reportedBy, utc(at), id)
                .update();
    }

    void milestoneLight(long id, String light) {
        jdbc.sql("update deliberation_milestone set light = ? where id = ?")
                .params(light, id)
                .update();
    }

    // ---- evaluations ----

    void addEvaluation(String no, String satisfaction, String comment, boolean byProposer, Instant at) {
        jdbc.sql("insert into deliberation_evaluation (deliberation_no, satisfaction, comment, by_proposer, posted_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(no, satisfaction, comment, byProposer, utc(at))
                .update();
    }

    List<Evaluation> evaluationsOf(String no) {
        return jdbc.sql("select * from deliberation_evaluation where deliberation_no = ? order by posted_at, id")
                .param(no)
                .query((rs, i) -> new Evaluation(
                        rs.getString("satisfaction"),
                        rs.getString("comment"),
                        rs.getBoolean("by_proposer"),
                        instant(rs, "posted_at")))
                .list();
    }

    // ---- mapping ----

    /** The generated id (PostgreSQL names the key column in lower case, H2 in upper case). */
    private static long id(KeyHolder key) {
        return ((Number) key.getKeys().get(key.getKeys().containsKey("id") ? "id" : "ID")).longValue();
    }

    private static String prefixed(String alias) {
        return alias + "." + TOPIC_COLUMNS.replace(", ", ", " + alias + ".");
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Topic topic(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        return new Topic(
                rs.getString("deliberation_no"),
                rs.getString("title"),
                rs.getString("background"),
                rs.getString("affected_area"),
                rs.getString("options"),
                Origin.valueOf(rs.getString("origin")),
                rs.getString("proposer_name"),
                rs.getString("phone"),
                rs.getString("village_code"),
                Stage.valueOf(rs.getString("stage")),
                status == null ? null : TopicStatus.valueOf(status),
                rs.getString("review_reasons"),
                rs.getString("merged_into"),
                instant(rs, "meeting_at"),
                rs.getString("meeting_place"),
                rs.getString("participants"),
                rs.getString("plan"),
                (Boolean) rs.getObject("passed"),
                rs.getString("process_instance_id"),
                instant(rs, "created_at"),
                instant(rs, "archived_at"));
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(
                rs.getLong("id"),
                rs.getString("deliberation_no"),
                rs.getString("village_code"),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("body"),
                instant(rs, "opens_at"),
                instant(rs, "closes_at"),
                instant(rs, "closed_at"),
                instant(rs, "meeting_at"),
                (Boolean) rs.getObject("on_time"));
    }

    private static Milestone milestone(ResultSet rs, int row) throws SQLException {
        return new Milestone(
                rs.getLong("id"),
                rs.getString("title"),
                instant(rs, "due_at"),
                rs.getString("light"),
                rs.getString("progress"),
                rs.getString("reported_by"),
                instant(rs, "reported_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
