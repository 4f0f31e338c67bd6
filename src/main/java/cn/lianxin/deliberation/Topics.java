package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.Rows.instant;
import static cn.lianxin.deliberation.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The topics themselves (table {@code deliberation}): what was proposed, where it stands, what the
 * host decided. The user tasks of {@code deliberation/tasks} read and move topics through the public
 * methods; intake and the process steps use the rest.
 */
@Repository
public class Topics {

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

    /** A topic opened earlier under an Idempotency-Key, and the fingerprint of that first request. */
    record Keyed(String deliberationNo, String fingerprint) {}

    static final String COLUMNS = "deliberation_no, title, background, affected_area, options, origin,"
            + " proposer_name, phone, village_code, stage, status, review_reasons, merged_into, meeting_at,"
            + " meeting_place, participants, plan, passed, process_instance_id, created_at, archived_at";

    private final JdbcClient jdbc;

    Topics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    /** The topic of this number, if there is one. */
    public Optional<Topic> byNo(String no) {
        return jdbc.sql("select " + COLUMNS + " from deliberation where deliberation_no = ?")
                .param(no)
                .query(Topics::topic)
                .optional();
    }

    /** The topics with these numbers that exist, in one statement. */
    List<Topic> byNos(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from deliberation where deliberation_no in (:numbers)")
                .param("numbers", Set.copyOf(numbers))
                .query(Topics::topic)
                .list();
    }

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

    /** The topic moves on to the stage people see on its public record. */
    public void stage(String no, Stage stage, Instant at) {
        jdbc.sql("update deliberation set stage = ?, updated_at = ? where deliberation_no = ?")
                .params(stage.name(), utc(at), no)
                .update();
    }

    /** The host's review: the reasons (public when rejected or merged) and the topic merged into. */
    public void recordReview(String no, String reasons, String mergedInto, Instant at) {
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
    public List<Topic> openTopicsOf(String villageCode) {
        return jdbc.sql("select " + COLUMNS + " from deliberation where village_code = ? and status is null"
                        + " order by created_at")
                .param(villageCode)
                .query(Topics::topic)
                .list();
    }

    static Topic topic(ResultSet rs, int row) throws SQLException {
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
}
