package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.appeal.PlaceKey;
import cn.lianxin.testing.PlatformNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * docs/operations.md "Upgrades": a county that installed the first release (commit {@code 0d858e8}, 24
 * November 2026, migrations V1–V6) and worked on it upgrades to this version. The database is built as that
 * release left it — the engine's tables, then our migrations up to V6 only — and holds rows written the way
 * that release's code wrote them; the platform of today then starts on it, its Flyway runs every later
 * migration (the Java ones too), and the old cases are there, carried forward: the cockpit's facts, place
 * keys and daily tallies filled in, the engine's history given its village as tenant, the citizen's old
 * access code still opens the case.
 */
class UpgradeFromFirstReleaseIT {

    /** The schema the first release shipped: its last migration. */
    static final String FIRST_RELEASE = "6";

    /** As application.yaml: SQL migrations, then the Java ones beside their modules. */
    static final String[] LOCATIONS = {
        "classpath:db/migration", "classpath:cn/lianxin/identity/migration", "classpath:cn/lianxin/appeal/migration"
    };

    static final String SECRET = "upgrade-test-secret-of-the-first-release";

    static final Instant RECEIVED = Instant.parse("2026-11-24T02:00:00Z");
    static final Instant TRIAGED = Instant.parse("2026-11-24T03:30:00Z");
    static final String CLOSED_CASE = "LX-20261124-000001";
    static final String OPEN_CASE = "LX-20261124-000002";

    @Test
    void aDatabaseOfTheFirstReleaseIsMigratedAndThePlatformStartsOnItWithItsCasesCarriedForward() throws Exception {
        try (EmbeddedPostgres postgres =
                EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            DataSource database = postgres.getPostgresDatabase();
            JdbcTemplate jdbc = new JdbcTemplate(database);

            // given: the first release's database — the engine created its tables, then Flyway took it to V6
            engineTables().execute(database);
            Flyway.configure()
                    .dataSource(database)
                    .locations(LOCATIONS)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .target(FIRST_RELEASE)
                    .load()
                    .migrate();
            assertThat(jdbc.queryForObject(
                            "select max(version::int) from flyway_schema_history where success and version <> '0'",
                            Integer.class))
                    .isEqualTo(6);
            assertThat(jdbc.queryForObject(
                            "select count(*) from information_schema.tables where table_name = 'appeal_fact'",
                            Integer.class))
                    .as("nothing of the later versions yet")
                    .isZero();
            String code = oldAccessCode(CLOSED_CASE);
            rowsOfTheFirstRelease(jdbc, code);
            Map<String, Long> before = counts(jdbc);

            // when: today's platform starts on it (its Flyway runs V7 … the latest, Java migrations included)
            try (PlatformNode platform = start(postgres)) {
                // then: nothing is pending, every migration of today succeeded
                Flyway flyway = Flyway.configure()
                        .dataSource(database)
                        .locations(LOCATIONS)
                        .load();
                assertThat(flyway.info().pending()).isEmpty();
                List<String> applied = java.util.Arrays.stream(flyway.info().applied())
                        .filter(m -> m.getVersion() != null)
                        .map(m -> m.getVersion().getVersion())
                        .toList();
                assertThat(applied).contains("12", "17.1", "25", "26.1");
                assertThat(java.util.Arrays.stream(flyway.info().applied())
                                .allMatch(m -> m.getState().isApplied()))
                        .isTrue();
                MigrationInfo current = flyway.info().current();
                assertThat(current.getVersion().getVersion())
                        .isEqualTo(java.util.Arrays.stream(flyway.info().all())
                                .reduce((a, b) -> b)
                                .orElseThrow()
                                .getVersion()
                                .getVersion());

                // the old rows survived, none lost and none doubled
                assertThat(counts(jdbc)).isEqualTo(before);
                assertThat(jdbc.queryForMap(
                                "select status, path, light, satisfaction, location from appeal where tracking_no = ?",
                                CLOSED_CASE))
                        .containsEntry("status", "CLOSED")
                        .containsEntry("path", "PROMISED")
                        .containsEntry("light", "GREEN")
                        .containsEntry("satisfaction", "SATISFIED");

                // carried forward: the cockpit's facts of each earlier case (V16), from the case and its log
                Map<String, Object> closedFact = jdbc.queryForMap(
                        "select village_code, category, path, status, first_response_at, responded_in_time,"
                                + " ended_at, ever_red, place_key from appeal_fact where tracking_no = ?",
                        CLOSED_CASE);
                assertThat(closedFact)
                        .containsEntry("village_code", "v0101")
                        .containsEntry("category", "lighting")
                        .containsEntry("path", "PROMISED")
                        .containsEntry("status", "CLOSED")
                        .containsEntry("responded_in_time", true)
                        .containsEntry("ever_red", false);
                assertThat(((Timestamp) closedFact.get("first_response_at")).toInstant())
                        .as("the first response is the triage in the case's log")
                        .isEqualTo(TRIAGED);
                // its place key (V17.1, Java: the same rule as at intake)
                assertThat(closedFact.get("place_key")).isNotNull().isEqualTo(PlaceKey.of("东风社区 3号楼  2单元"));
                Map<String, Object> openFact = jdbc.queryForMap(
                        "select status, ever_red, light, first_response_at, place_key from appeal_fact"
                                + " where tracking_no = ?",
                        OPEN_CASE);
                assertThat(openFact)
                        .containsEntry("status", "OPEN")
                        .containsEntry("ever_red", true)
                        .containsEntry("light", "RED");
                assertThat(openFact.get("first_response_at")).isNull();
                assertThat(openFact.get("place_key")).isNull();
                // the village's daily tally of that day (V26.1, Java: Beijing days)
                assertThat(jdbc.queryForMap(
                                "select received, closed, satisfied from appeal_day where received_on = ?"
                                        + " and unit_kind = 'VILLAGE' and unit_code = 'v0101'",
                                LocalDate.of(2026, 11, 24)))
                        .containsEntry("received", 2L)
                        .containsEntry("closed", 1L)
                        .containsEntry("satisfied", 1L);
                // the engine's history of the case got its village as tenant (V12, Java)
                assertThat(jdbc.queryForObject(
                                "select tenant_id_ from act_hi_procinst where id_ = 'pi-closed'", String.class))
                        .isEqualTo("v0101");
                // columns added later start empty on old rows, old constraints still hold their values
                assertThat(jdbc.queryForObject(
                                "select count(*) from appeal where idempotency_fingerprint is null", Long.class))
                        .isEqualTo(2L);
                // the reminder still queued by the first release is sent as today's cadre notice (V33)
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                                jdbc.queryForList("select status from notification_outbox order by id", String.class))
                        .containsExactly("SENT", "SENT"));
                assertThat(jdbc.queryForMap(
                                "select template, params, body from notification_outbox where tracking_no = ?",
                                OPEN_CASE))
                        .containsEntry("template", "CADRE_NOTICE")
                        .containsEntry("params", "{\"kind\":\"超期\",\"no\":\"" + OPEN_CASE + "\"}")
                        .containsEntry("body", "诉求已超期");

                // the citizen's access code of the first release (a BCrypt hash then) still opens the case
                PlatformNode.Answer view = platform.get("/api/appeals/" + CLOSED_CASE + "?accessCode=" + code, null);
                assertThat(view.status()).as(view.text()).isEqualTo(200);
                assertThat(view.text()).contains(CLOSED_CASE).doesNotContain("13800138000");
                assertThat(platform.get("/api/appeals/" + CLOSED_CASE + "?accessCode=22222222", null)
                                .status())
                        .isNotEqualTo(200);
            }
        }
    }

    /** The engine's own scripts, as Camunda ran them when the first release started on an empty database. */
    private static ResourceDatabasePopulator engineTables() {
        ResourceDatabasePopulator scripts = new ResourceDatabasePopulator();
        for (String part : List.of(
                "engine",
                "history",
                "identity",
                "case.engine",
                "case.history",
                "decision.engine",
                "decision.history")) {
            scripts.addScript(new ClassPathResource(
                    "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
        }
        return scripts;
    }

    /**
     * Rows as the first release's code wrote them (Units.save, Appeals.insert and the step delegates,
     * Notifications, the calendar upload, Deliberations, and the engine's history of a finished case).
     */
    private static void rowsOfTheFirstRelease(JdbcTemplate jdbc, String accessCode) throws GeneralSecurityException {
        Timestamp received = Timestamp.from(RECEIVED);
        Timestamp triaged = Timestamp.from(TRIAGED);
        Timestamp closed = Timestamp.from(Instant.parse("2026-11-24T06:00:00Z"));
        jdbc.update("insert into unit (code, name, kind, parent_code) values ('c01', '示范县', 'COUNTY', null),"
                + " ('t01', '城关镇', 'TOWN', 'c01'), ('v0101', '东风社区', 'VILLAGE', 't01'),"
                + " ('cg', '城管', 'DEPARTMENT', 'c01')");
        jdbc.update(
                "insert into holiday_year (year_no, papers, uploaded_by, uploaded_at) values (2026, '国办发明电〔2025〕7号', 'admin', ?)",
                received);
        jdbc.update(
                "insert into holiday_day (on_date, year_no, name, off_day) values ('2026-10-01', 2026, '国庆节', true)");
        jdbc.update(
                "insert into holiday_audit (year_no, actor, acted_at, special_days, replaced) values (2026, 'admin', ?, 1, false)",
                received);
        String hash = new BCryptPasswordEncoder().encode(accessCode);
        jdbc.update(
                "insert into appeal (tracking_no, access_code_hash, citizen_name, phone, id_number, category, urgency,"
                        + " scope, description, location, village_code, channel, path, status, satisfaction,"
                        + " idempotency_key, process_instance_id, created_at, updated_at, closed_at, light)"
                        + " values (?, ?, '张三', '13800138000', null, 'lighting', 'NORMAL', 'HOUSEHOLD', '3号楼楼道灯不亮',"
                        + " '东风社区 3号楼  2单元', 'v0101', 'ONLINE', 'PROMISED', 'CLOSED', 'SATISFIED', 'key-1',"
                        + " 'pi-closed', ?, ?, ?, 'GREEN')",
                CLOSED_CASE,
                hash,
                received,
                closed,
                closed);
        jdbc.update(
                "insert into appeal (tracking_no, access_code_hash, citizen_name, phone, category, urgency, scope,"
                        + " description, village_code, channel, path, status, process_instance_id, created_at,"
                        + " updated_at, light) values (?, ?, '李四', '13900139000', 'road', 'NORMAL', 'CROSS_AREA',"
                        + " '村口道路塌陷', 'v0101', 'PHONE', 'ESCALATE', 'OPEN', 'pi-open', ?, ?, 'RED')",
                OPEN_CASE,
                new BCryptPasswordEncoder().encode(oldAccessCode(OPEN_CASE)),
                received,
                received);
        String log = "insert into appeal_log (tracking_no, logged_at, actor, kind, entry, shown_to_citizen)"
                + " values (?, ?, ?, ?, ?, ?)";
        jdbc.update(log, CLOSED_CASE, received, null, "INTAKE", "受理诉求", true);
        jdbc.update(log, CLOSED_CASE, triaged, "gw-v0101", "TRIAGE", "分流：承诺办，3个工作日", true);
        jdbc.update(log, CLOSED_CASE, closed, "gw-v0101", "CLOSED", "已办结", true);
        jdbc.update(log, OPEN_CASE, received, null, "INTAKE", "受理诉求", true);
        jdbc.update(
                "insert into personal_data_reveal (tracking_no, revealed_to, task_id, revealed_at) values (?, 'gw-v0101', 't-1', ?)",
                CLOSED_CASE,
                triaged);
        jdbc.update(
                "insert into notification_outbox (template, recipient_kind, recipient, tracking_no, body, status,"
                        + " attempts, next_attempt_at, created_at, sent_at) values ('RECEIPT', 'CITIZEN', '13800138000',"
                        + " ?, '您的诉求已受理', 'SENT', 1, ?, ?, ?)",
                CLOSED_CASE,
                received,
                received,
                received);
        jdbc.update(
                "insert into notification_outbox (template, recipient_kind, recipient, tracking_no, body, status,"
                        + " attempts, next_attempt_at, created_at) values ('OVERDUE', 'GROUP', 'town-center-t01', ?,"
                        + " '诉求已超期', 'PENDING', 0, ?, ?)",
                OPEN_CASE,
                received,
                received);
        // a topic through its meeting to the ledger
        jdbc.update(
                "insert into deliberation (deliberation_no, access_code_hash, title, background, origin, proposer_name,"
                        + " phone, village_code, stage, passed, process_instance_id, created_at, updated_at)"
                        + " values ('YS-20261124-000001', ?, '加装电梯', '老旧小区无电梯', 'CITIZEN', '王五', '13700137000',"
                        + " 'v0101', 'IMPLEMENTING', true, 'pi-topic', ?, ?)",
                hash,
                received,
                received);
        jdbc.update(
                "insert into deliberation_notice (deliberation_no, village_code, kind, title, body, opens_at, closes_at,"
                        + " closed_at) values ('YS-20261124-000001', 'v0101', 'PLAN', '协商前公示', '议事方案', ?, ?, ?)",
                received,
                triaged,
                triaged);
        jdbc.update(
                "insert into deliberation_opinion (deliberation_no, notice_id, author_name, objection, content, posted_at)"
                        + " select 'YS-20261124-000001', id, '赵六', false, '同意', ? from deliberation_notice",
                received);
        jdbc.update(
                "insert into deliberation_minutes (deliberation_no, held_at, agenda, minutes, representatives_total,"
                        + " quorate, passed, recorded_by, recorded_at) values ('YS-20261124-000001', ?, '加装电梯',"
                        + " '表决通过', 5, true, true, 'host-v0101', ?)",
                triaged,
                triaged);
        jdbc.update(
                "insert into deliberation_vote (minutes_id, choice, votes) select id, 'FOR', 4 from deliberation_minutes");
        jdbc.update(
                "insert into deliberation_attendance (minutes_id, user_id) select id, 'rep1' from deliberation_minutes");
        jdbc.update(
                "insert into deliberation_ledger (deliberation_no, responsible_unit, measures, opened_at)"
                        + " values ('YS-20261124-000001', 'v0101', '申请改造资金', ?)",
                triaged);
        jdbc.update(
                "insert into deliberation_milestone (deliberation_no, title, due_at) values ('YS-20261124-000001', '立项', ?)",
                closed);
        jdbc.update(
                "insert into deliberation_log (deliberation_no, logged_at, actor, kind, entry, shown_to_public)"
                        + " values ('YS-20261124-000001', ?, 'host-v0101', 'MEETING', '会议通过', true)",
                triaged);
        // the engine's history of the finished case, without a tenant (the first release had none)
        jdbc.update(
                "insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,"
                        + " end_time_, state_, root_proc_inst_id_) values ('pi-closed', 'pi-closed', ?, 'appeal',"
                        + " 'appeal:1:old', ?, ?, 'COMPLETED', 'pi-closed')",
                CLOSED_CASE,
                received,
                closed);
        jdbc.update(
                "insert into act_hi_varinst (id_, proc_inst_id_, execution_id_, proc_def_key_, proc_def_id_, name_,"
                        + " var_type_, text_, state_, create_time_, root_proc_inst_id_) values ('var-1', 'pi-closed',"
                        + " 'pi-closed', 'appeal', 'appeal:1:old', 'villageCode', 'string', 'v0101', 'CREATED', ?,"
                        + " 'pi-closed')",
                received);
    }

    private static final List<String> TABLES = List.of(
            "unit",
            "holiday_year",
            "holiday_day",
            "holiday_audit",
            "appeal",
            "appeal_log",
            "personal_data_reveal",
            "notification_outbox",
            "deliberation",
            "deliberation_notice",
            "deliberation_opinion",
            "deliberation_minutes",
            "deliberation_vote",
            "deliberation_attendance",
            "deliberation_ledger",
            "deliberation_milestone",
            "deliberation_log",
            "act_hi_procinst");

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    /** The first release's rule: eight characters of the alphabet from the HMAC of the tracking number. */
    private static String oldAccessCode(String trackingNo) throws GeneralSecurityException {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(trackingNo.getBytes(StandardCharsets.UTF_8));
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
        }
        return code.toString();
    }

    /**
     * As an operator starts it: the packaged jar in a JVM of its own (the webapps and the engine keep state per
     * JVM, which a second platform inside the test suite's JVM would disturb), profile postgres, the database
     * from outside, the secret of that release's access codes, no demo world.
     */
    private static PlatformNode start(EmbeddedPostgres postgres) {
        return PlatformNode.start(
                postgres.getJdbcUrl("postgres", "postgres"),
                "postgres",
                "postgres",
                Path.of("target", "upgrade-from-first-release.log"),
                List.of("--lianxin.access-code.secret=" + SECRET, "--lianxin.demo-world.enabled=false"));
    }
}
