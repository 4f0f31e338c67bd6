package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.Rows.instant;
import static cn.lianxin.deliberation.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A passed topic's ledger (台账) and its milestones (tables {@code deliberation_ledger}, {@code deliberation_milestone}). */
@Repository
public class Ledgers {

    record Ledger(String responsibleUnit, String measures, Instant openedAt, Instant completedAt, String summary) {}

    /** One milestone of a ledger; {@code light} is a {@code TrafficLight} name. */
    public record Milestone(
            long id,
            String title,
            Instant dueAt,
            String light,
            String progress,
            String reportedBy,
            Instant reportedAt) {

        /** Task-local variable of {@code report-progress}: the light of the milestone it reports on. */
        public static final String LIGHT_ON_TASK = "light";
    }

    private final JdbcClient jdbc;

    Ledgers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void openOrUpdate(String no, String responsibleUnit, String measures, Instant at) {
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

    Optional<Ledger> of(String no) {
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

    /** The host confirmed every measure done. */
    public void complete(String no, String summary, Instant at) {
        jdbc.sql("update deliberation_ledger set completed_at = ?, completion_summary = ? where deliberation_no = ?")
                .params(utc(at), summary, no)
                .update();
    }

    void addMilestone(String no, String title, Instant dueAt) {
        jdbc.sql("insert into deliberation_milestone (deliberation_no, title, due_at) values (?, ?, ?)")
                .params(no, title, utc(dueAt))
                .update();
    }

    /** The ledger's milestones by date. */
    public List<Milestone> milestonesOf(String no) {
        return jdbc.sql("select * from deliberation_milestone where deliberation_no = ? order by due_at, id")
                .param(no)
                .query(Ledgers::milestone)
                .list();
    }

    /** The milestones of each of these topics that has a ledger, by date, in one statement. */
    Map<String, List<Milestone>> milestonesOf(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Milestone>> byTopic = new LinkedHashMap<>();
        jdbc.sql("select * from deliberation_milestone where deliberation_no in (:numbers) order by due_at, id")
                .param("numbers", Set.copyOf(numbers))
                .query((rs, i) -> byTopic.computeIfAbsent(rs.getString("deliberation_no"), no -> new ArrayList<>())
                        .add(milestone(rs, i)))
                .list();
        return byTopic;
    }

    Optional<Milestone> milestone(long id) {
        return jdbc.sql("select * from deliberation_milestone where id = ?")
                .param(id)
                .query(Ledgers::milestone)
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
}
