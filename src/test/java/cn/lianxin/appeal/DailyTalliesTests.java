package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The daily roll-ups on H2, the zero-setup run's database (its {@code MERGE} instead of PostgreSQL's
 * upsert): a case counts on its Beijing day, its changes add up, and a rebuild from the facts gives the
 * same rows. PostgreSQL's side: DailyTalliesIT.
 */
class DailyTalliesTests {

    JdbcClient jdbc;
    DailyTallies tallies;

    @BeforeEach
    void aDatabaseWithFacts() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:daily-tallies-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.execute("create table appeal_fact (tracking_no varchar(32) primary key, village_code varchar(16),"
                + " category varchar(16), channel varchar(8), path varchar(16), received_at timestamp with time zone,"
                + " responded_in_time boolean, status varchar(16), working_days integer, satisfaction varchar(24),"
                + " reopen_count integer, ever_red boolean, supervised boolean)");
        template.execute("create table appeal_fact_dept (tracking_no varchar(32), dept_code varchar(32))");
        template.execute("create table appeal_fact_return_reason (tracking_no varchar(32), reason varchar(500))");
        template.execute(Files.readString(Path.of("src/main/resources/db/migration/V26__appeal_fact_days.sql")));
        jdbc = JdbcClient.create(dataSource);
        tallies = new DailyTallies(jdbc, template);
    }

    @Test
    void aCaseCountsOnItsBeijingDayAndItsChangesAddUp() {
        // given one case received 31 March 16:30 UTC (1 April, 00:30 in Beijing), another on 1 April
        fact("A", "2025-03-31T16:30:00Z");
        fact("B", "2025-04-01T02:00:00Z");
        tallies.moved(Optional.empty(), tallies.current("A"));
        tallies.moved(Optional.empty(), tallies.current("B"));

        // when A is closed after 3 working days and taken by a department, B evaluated satisfied, C returned
        fact("C", "2025-04-01T03:00:00Z");
        tallies.moved(Optional.empty(), tallies.current("C"));
        var before = tallies.locked("A");
        jdbc.sql(
                        "update appeal_fact set status = 'CLOSED', working_days = 3, path = 'PROMISED' where tracking_no = 'A'")
                .update();
        jdbc.sql("insert into appeal_fact_dept values ('A', 'jt')").update();
        tallies.moved(before, tallies.current("A"));
        before = tallies.locked("B");
        jdbc.sql("update appeal_fact set satisfaction = 'SATISFIED' where tracking_no = 'B'")
                .update();
        tallies.moved(before, tallies.current("B"));
        before = tallies.locked("C");
        jdbc.sql("update appeal_fact set status = 'RETURNED' where tracking_no = 'C'")
                .update();
        jdbc.sql("insert into appeal_fact_return_reason values ('C', '已进入诉讼程序'), ('C', '不属于受理范围')")
                .update();
        tallies.moved(before, tallies.current("C"));

        // then both count on 1 April, and a rebuild from the facts gives the same rows
        Map<String, Object> april = day(LocalDate.of(2025, 4, 1), "VILLAGE", "v0101");
        assertThat(april)
                .containsEntry("RECEIVED", 3L)
                .containsEntry("RETURNED", 1L)
                .containsEntry("CLOSED", 1L)
                .containsEntry("CLOSED_DAYS_SUM", 3L)
                .containsEntry("EVALUATED", 1L)
                .containsEntry("SATISFIED", 1L);
        assertThat(day(LocalDate.of(2025, 4, 1), "DEPT", "jt")).containsEntry("RECEIVED", 1L);
        assertThat(jdbc.sql("select count(*) from appeal_day_count where dimension = 'REASON' and cases = 1")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        List<Map<String, Object>> kept = rows();
        tallies.rebuild();
        assertThat(rows()).isEqualTo(kept);
    }

    private void fact(String no, String receivedAt) {
        jdbc.sql("insert into appeal_fact values (?, 'v0101', 'road', 'PHONE', null, ?, true, 'OPEN', null, null, 0,"
                        + " false, false)")
                .params(no, OffsetDateTime.parse(receivedAt))
                .update();
    }

    private Map<String, Object> day(LocalDate on, String kind, String unit) {
        return jdbc.sql("select * from appeal_day where received_on = ? and unit_kind = ? and unit_code = ?")
                .params(on, kind, unit)
                .query()
                .singleRow();
    }

    /** Every row of both roll-ups, the all-zero ones left out. */
    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(
                jdbc.sql("select * from appeal_day where received <> 0 order by received_on, unit_kind, unit_code")
                        .query()
                        .listOfRows());
        rows.addAll(jdbc.sql("select * from appeal_day_count where cases <> 0"
                        + " order by received_on, unit_kind, unit_code, dimension, item")
                .query()
                .listOfRows());
        return rows;
    }
}
