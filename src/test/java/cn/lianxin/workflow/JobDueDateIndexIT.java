package cn.lianxin.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job table has the due-date index the job executor's acquisition reads in order (P2). */
@PlatformIntegrationTest
class JobDueDateIndexIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theJobTableIsIndexedByDueDateAndTheAcquisitionReadsThroughIt() {
        // given
        List<String> definitions = jdbc.queryForList(
                "select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = ?",
                String.class,
                JobDueDateIndex.NAME);

        // then
        assertThat(definitions).singleElement().asString().containsIgnoringCase("(duedate_)");

        // and the acquisition's question — the next due jobs in due-date order — is answered from it
        // (on one connection: the planner is told not to fall back on reading the small test table whole)
        String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (ResultSet rows = statement.executeQuery(
                        "explain select id_ from act_ru_job where retries_ > 0 and duedate_ <= now()"
                                + " and suspension_state_ = 1 order by duedate_ limit 16")) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                statement.execute("reset enable_seqscan");
                return lines.toString();
            }
        });
        assertThat(plan).contains(JobDueDateIndex.NAME);
    }
}
