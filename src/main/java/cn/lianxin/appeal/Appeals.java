package cn.lianxin.appeal;

import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.deadline.TrafficLight;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cases, their logs and the audit of personal-data reveals. */
@Repository
class Appeals {

    private static final String COLUMNS = "tracking_no, citizen_name, phone, id_number, category, urgency, scope, "
            + "description, location, village_code, channel, path, status, satisfaction, reopen_count, "
            + "process_instance_id, created_at, updated_at, closed_at, light";

    private final JdbcClient jdbc;
    private final CaseFacts facts;

    Appeals(JdbcClient jdbc, CaseFacts facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    long nextNumber() {
        return jdbc.sql("select nextval('appeal_seq')").query(Long.class).single();
    }

    void insert(
            String trackingNo,
            String accessCodeHash,
            AppealIntake.Draft draft,
            String villageCode,
            String idempotencyKey,
            String idempotencyFingerprint,
            Instant at) {
        jdbc.sql("insert into appeal (tracking_no, access_code_hash, citizen_name, phone, id_number, category, urgency,"
                        + " scope, description, location, village_code, channel, status, idempotency_key,"
                        + " idempotency_fingerprint, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        trackingNo,
                        accessCodeHash,
                        draft.citizenName(),
                        draft.phone(),
                        draft.idNumber(),
                        draft.category().code(),
                        draft.urgency(),
                        draft.scope(),
                        draft.description(),
                        draft.location(),
                        villageCode,
                        draft.channel().name(),
                        AppealStatus.OPEN.name(),
                        idempotencyKey,
                        idempotencyFingerprint,
                        utc(at),
                        utc(at))
                .update();
        facts.received(trackingNo, villageCode, draft.category(), draft.channel(), draft.location(), at);
    }

    public Optional<Appeal> byTrackingNo(String trackingNo) {
        return jdbc.sql("select " + COLUMNS + " from appeal where tracking_no = ?")
                .param(trackingNo)
                .query(Appeals::appeal)
                .optional();
    }

    /** The cases with these numbers that exist, by number, in one query. */
    Map<String, Appeal> byTrackingNos(Collection<String> trackingNos) {
        if (trackingNos.isEmpty()) {
            return Map.of();
        }
        Map<String, Appeal> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from appeal where tracking_no in (:numbers)")
                .param("numbers", Set.copyOf(trackingNos))
                .query(Appeals::appeal)
                .list()
                .forEach(appeal -> found.put(appeal.trackingNo(), appeal));
        return found;
    }

    /** Where a case stands in the newest-first order of the lists: its creation time, then its number. */
    record Position(OffsetDateTime createdAt, String trackingNo) {}

    /** The position of a case of these villages ({@code null}: any village), for a list that goes on after it. */
    Optional<Position> positionOf(String trackingNo, Collection<String> villages) {
        record Row(Position position, String village) {}
        return jdbc.sql("select created_at, tracking_no, village_code from appeal where tracking_no = ?")
                .param(trackingNo)
                .query((rs, i) ->
                        new Row(new Position(rs.getObject(1, OffsetDateTime.class), rs.getString(2)), rs.getString(3)))
                .optional()
                .filter(row -> villages == null || villages.contains(row.village()))
                .map(Row::position);
    }

    /**
     * The newest cases of some villages ({@code null}: every village), optionally of one status, after
     * a position (newest first), at most {@code limit}: one statement whose cost does not grow with
     * the table or the depth. Each village is read on its own index range ({@code appeal_village_newest})
     * and the few rows merged, because one scan over several villages would have to sort them all;
     * every village together reads {@code appeal_newest} backwards.
     */
    List<Appeal> newest(Collection<String> villages, AppealStatus status, Position after, int limit) {
        if (villages != null && villages.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String order = " order by created_at desc, tracking_no desc limit ?";
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from ");
        if (villages == null) {
            sql.append("appeal where 1 = 1").append(newestFilter(null, status, after, params));
        } else {
            sql.append("(");
            String union = "";
            for (String village : new TreeSet<>(villages)) {
                sql.append(union)
                        .append("(select " + COLUMNS + " from appeal where 1 = 1")
                        .append(newestFilter(village, status, after, params))
                        .append(order)
                        .append(")");
                params.add(limit);
                union = " union all ";
            }
            sql.append(") newest");
        }
        sql.append(order);
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(Appeals::appeal).list();
    }

    private static String newestFilter(String village, AppealStatus status, Position after, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (village != null) {
            sql.append(" and village_code = ?");
            params.add(village);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (after != null) {
            sql.append(" and (created_at, tracking_no) < (?, ?)");
            params.add(after.createdAt());
            params.add(after.trackingNo());
        }
        return sql.toString();
    }

    /** A case opened earlier under an Idempotency-Key, and the fingerprint of that first request. */
    record Keyed(String trackingNo, String fingerprint) {}

    Optional<Keyed> byIdempotencyKey(String key) {
        return jdbc.sql("select tracking_no, idempotency_fingerprint from appeal where idempotency_key = ?")
                .param(key)
                .query((rs, row) -> new Keyed(rs.getString(1), rs.getString(2)))
                .optional();
    }

    Optional<String> accessCodeHash(String trackingNo) {
        return jdbc.sql("select access_code_hash from appeal where tracking_no = ?")
                .param(trackingNo)
                .query(String.class)
                .optional();
    }

    /** A new access code's digest replaces the old one: the old code opens the case no more. */
    void replaceAccessCodeHash(String trackingNo, String hash) {
        jdbc.sql("update appeal set access_code_hash = ? where tracking_no = ?")
                .params(hash, trackingNo)
                .update();
    }

    void attachProcess(String trackingNo, String processInstanceId) {
        jdbc.sql("update appeal set process_instance_id = ? where tracking_no = ?")
                .params(processInstanceId, trackingNo)
                .update();
    }

    void recordPath(String trackingNo, Path path, Instant at) {
        jdbc.sql("update appeal set path = ?, updated_at = ? where tracking_no = ?")
                .params(path.name(), utc(at), trackingNo)
                .update();
        facts.pathChosen(trackingNo, path, at);
    }

    void recordSatisfaction(String trackingNo, Satisfaction satisfaction, Instant at) {
        jdbc.sql("update appeal set satisfaction = ?, updated_at = ? where tracking_no = ?")
                .params(satisfaction.name(), utc(at), trackingNo)
                .update();
        facts.evaluated(trackingNo, satisfaction.name());
    }

    /** Counts a reopening and answers how often the case has now been reopened. */
    int reopen(String trackingNo, Instant at) {
        jdbc.sql("update appeal set reopen_count = reopen_count + 1, status = ?, closed_at = null, updated_at = ?"
                        + " where tracking_no = ?")
                .params(AppealStatus.OPEN.name(), utc(at), trackingNo)
                .update();
        int count = jdbc.sql("select reopen_count from appeal where tracking_no = ?")
                .param(trackingNo)
                .query(Integer.class)
                .single();
        facts.reopened(trackingNo, count);
        return count;
    }

    void recordLight(String trackingNo, TrafficLight light) {
        jdbc.sql("update appeal set light = ? where tracking_no = ?")
                .params(light.name(), trackingNo)
                .update();
        facts.lightChanged(trackingNo, light);
    }

    /** The case ended; a returned case keeps the reasons the citizen was told. */
    void finish(String trackingNo, AppealStatus status, Instant at, List<String> returnReasons) {
        jdbc.sql("update appeal set status = ?, closed_at = ?, updated_at = ? where tracking_no = ?")
                .params(status.name(), utc(at), utc(at), trackingNo)
                .update();
        facts.ended(trackingNo, status, at, returnReasons);
    }

    void log(String trackingNo, Instant at, String actor, String kind, String entry, boolean shownToCitizen) {
        jdbc.sql("insert into appeal_log (tracking_no, logged_at, actor, kind, entry, shown_to_citizen)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(trackingNo, utc(at), actor, kind, entry, shownToCitizen)
                .update();
    }

    /** One entry in the logs of several cases at once (one statement, whatever their number). */
    void logAll(List<String> trackingNos, Instant at, String actor, String kind, String entry) {
        jdbc.sql(
                        "insert into appeal_log (tracking_no, logged_at, actor, kind, entry, shown_to_citizen)"
                                + " select tracking_no, :at, :actor, :kind, :entry, false from appeal where tracking_no in (:cases)")
                .param("at", utc(at))
                .param("actor", actor)
                .param("kind", kind)
                .param("entry", entry)
                .param("cases", trackingNos)
                .update();
    }

    public List<CaseLogEntry> log(String trackingNo) {
        return jdbc.sql("select logged_at, actor, kind, entry, shown_to_citizen from appeal_log where tracking_no = ?"
                        + " order by logged_at, id")
                .param(trackingNo)
                .query((rs, i) -> new CaseLogEntry(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    void recordReveal(String trackingNo, String userId, String taskId, Instant at) {
        jdbc.sql(
                        "insert into personal_data_reveal (tracking_no, revealed_to, task_id, revealed_at) values (?, ?, ?, ?)")
                .params(trackingNo, userId, taskId, utc(at))
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Appeal appeal(ResultSet rs, int row) throws SQLException {
        return new Appeal(
                rs.getString("tracking_no"),
                rs.getString("citizen_name"),
                rs.getString("phone"),
                rs.getString("id_number"),
                Category.ofCode(rs.getString("category")).orElse(Category.OTHER),
                rs.getString("urgency"),
                rs.getString("scope"),
                rs.getString("description"),
                rs.getString("location"),
                rs.getString("village_code"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("path") == null ? null : Path.valueOf(rs.getString("path")),
                AppealStatus.valueOf(rs.getString("status")),
                rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
                rs.getInt("reopen_count"),
                rs.getString("process_instance_id"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "closed_at"),
                TrafficLight.valueOf(rs.getString("light")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
