package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.Rows.instant;
import static cn.lianxin.deliberation.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The meetings held on a topic: minutes, who attended, how they voted (tables
 * {@code deliberation_minutes}, {@code deliberation_attendance}, {@code deliberation_vote}).
 */
@Repository
class Meetings {

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

    private final JdbcClient jdbc;

    Meetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
        long id = Rows.id(key);
        attendees.forEach(user -> jdbc.sql("insert into deliberation_attendance (minutes_id, user_id) values (?, ?)")
                .params(id, user)
                .update());
        votes.forEach((choice, count) -> jdbc.sql(
                        "insert into deliberation_vote (minutes_id, choice, votes) values (?, ?, ?)")
                .params(id, choice, count)
                .update());
        return id;
    }

    /** The topic's meetings, oldest first, in three statements (the minutes, the attendance, the votes). */
    List<Minutes> minutesOf(String no) {
        return withAttendanceAndVotes(
                jdbc.sql("select * from deliberation_minutes where deliberation_no = ? order by held_at, id")
                        .param(no)
                        .query(Meetings::minutes)
                        .list());
    }

    /**
     * The latest meeting of each of these topics that has one, in three statements whatever their
     * number (the minutes, the attendance, the votes).
     */
    Map<String, Minutes> latestOf(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, Minutes> latest = new HashMap<>();
        jdbc.sql("select * from deliberation_minutes where deliberation_no in (:numbers) order by held_at, id")
                .param("numbers", Set.copyOf(numbers))
                .query((rs, i) -> latest.put(rs.getString("deliberation_no"), minutes(rs, i)))
                .list();
        Map<Long, String> topicOf = new HashMap<>();
        latest.forEach((no, m) -> topicOf.put(m.id(), no));
        Map<String, Minutes> whole = new HashMap<>();
        withAttendanceAndVotes(List.copyOf(latest.values())).forEach(m -> whole.put(topicOf.get(m.id()), m));
        return whole;
    }

    /** These minutes with who attended and how they voted, in two statements. */
    private List<Minutes> withAttendanceAndVotes(List<Minutes> minutes) {
        if (minutes.isEmpty()) {
            return minutes;
        }
        Set<Long> ids = minutes.stream().map(Minutes::id).collect(Collectors.toSet());
        Map<Long, List<String>> attendees = new HashMap<>();
        jdbc.sql("select minutes_id, user_id from deliberation_attendance where minutes_id in (:ids) order by user_id")
                .param("ids", ids)
                .query((rs, i) -> attendees
                        .computeIfAbsent(rs.getLong("minutes_id"), id -> new ArrayList<>())
                        .add(rs.getString("user_id")))
                .list();
        Map<Long, Map<String, Integer>> votes = new HashMap<>();
        jdbc.sql("select minutes_id, choice, votes from deliberation_vote where minutes_id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> votes.computeIfAbsent(rs.getLong("minutes_id"), id -> new HashMap<>())
                        .put(rs.getString("choice"), rs.getInt("votes")))
                .list();
        return minutes.stream()
                .map(m -> {
                    Map<String, Integer> tally = votes.getOrDefault(m.id(), Map.of());
                    return new Minutes(
                            m.id(),
                            m.heldAt(),
                            m.agenda(),
                            m.speeches(),
                            m.minutes(),
                            m.representativesTotal(),
                            m.quorate(),
                            m.passed(),
                            List.copyOf(attendees.getOrDefault(m.id(), List.of())),
                            tally.getOrDefault("FOR", 0),
                            tally.getOrDefault("AGAINST", 0),
                            tally.getOrDefault("ABSTAIN", 0));
                })
                .toList();
    }

    /** A row of {@code deliberation_minutes}, without attendance and votes yet. */
    private static Minutes minutes(ResultSet rs, int row) throws SQLException {
        return new Minutes(
                rs.getLong("id"),
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
    }
}
