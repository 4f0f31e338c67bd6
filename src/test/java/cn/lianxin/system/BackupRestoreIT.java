package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformNode;
import cn.lianxin.testing.PostgresTools;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md "Backup and restore", done as written: the platform (its packaged jar, a JVM of its
 * own) takes requests on PostgreSQL 15; {@code pg_dump -Fc} of its database; {@code pg_restore} into a
 * fresh server; the platform started on the restored database has every case, task and timer, and the
 * citizens and cadres find their cases there as before.
 */
class BackupRestoreIT {

    /** What the restored database must hold exactly as the original did. */
    private static final Map<String, String> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("cases", "select count(*) from appeal");
        COUNTS.put("case log", "select count(*) from appeal_log");
        COUNTS.put("facts", "select count(*) from appeal_fact");
        COUNTS.put("outbox", "select count(*) from notification_outbox");
        COUNTS.put("running instances", "select count(*) from act_ru_execution where parent_id_ is null");
        COUNTS.put("open tasks", "select count(*) from act_ru_task");
        COUNTS.put("timers", "select count(*) from act_ru_job");
        COUNTS.put("history", "select count(*) from act_hi_procinst");
        COUNTS.put("authorizations", "select count(*) from act_ru_authorization");
        COUNTS.put("migrations", "select count(*) from flyway_schema_history where success");
    }

    record Receipt(String trackingNo, String accessCode) {}

    @Test
    void aDumpRestoredIntoAFreshServerStartsThePlatformWithEveryCase() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "backup-restore"));
        Path dump = work.resolve("lianxin.dump");
        Files.deleteIfExists(dump);
        try (EmbeddedPostgres original = PostgresTools.startVersion15()) {
            // given: the platform has taken three requests
            List<Receipt> receipts;
            try (PlatformNode platform = PlatformNode.start(
                    original.getJdbcUrl("postgres", "postgres"),
                    "postgres",
                    "postgres",
                    work.resolve("original.log"))) {
                receipts = List.of(
                        submit(platform, "lighting", "v0101"),
                        submit(platform, "road", "v0102"),
                        submit(platform, "parking", "v0201"));
            }
            Map<String, Long> before = counts(original.getPostgresDatabase());
            assertThat(before.get("cases")).isGreaterThanOrEqualTo(3);
            assertThat(before.get("timers")).as("the cases' light timers").isGreaterThanOrEqualTo(3);

            // when: dumped, and restored into a fresh server
            PostgresTools.run(
                    "pg_dump",
                    List.of(
                            "--format=custom",
                            "--host=localhost",
                            "--port=" + original.getPort(),
                            "--username=postgres",
                            "--file=" + dump.toAbsolutePath(),
                            "postgres"));
            try (EmbeddedPostgres fresh = PostgresTools.startVersion15()) {
                PostgresTools.run(
                        "pg_restore",
                        List.of(
                                "--exit-on-error",
                                "--no-owner",
                                "--host=localhost",
                                "--port=" + fresh.getPort(),
                                "--username=postgres",
                                "--dbname=postgres",
                                dump.toAbsolutePath().toString()));

                // then: the same rows
                assertThat(counts(fresh.getPostgresDatabase())).isEqualTo(before);

                // and the platform starts on them; citizens and cadres find their cases
                try (PlatformNode restored = PlatformNode.start(
                        fresh.getJdbcUrl("postgres", "postgres"),
                        "postgres",
                        "postgres",
                        work.resolve("restored.log"))) {
                    for (Receipt receipt : receipts) {
                        JsonNode view = ok(restored.get(
                                "/api/appeals/" + receipt.trackingNo() + "?accessCode=" + receipt.accessCode(), null));
                        assertThat(view.path("trackingNo").asText()).isEqualTo(receipt.trackingNo());
                    }
                    JsonNode tasks = ok(restored.get(
                            "/engine-rest/task?processInstanceBusinessKey="
                                    + receipts.get(0).trackingNo(),
                            "gw-v0101"));
                    assertThat(tasks).hasSize(1);
                    assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("triage");
                    assertThat(counts(fresh.getPostgresDatabase()).get("migrations"))
                            .as("no migration was pending after the restore")
                            .isEqualTo(before.get("migrations"));
                }
            }
        }
    }

    private static Receipt submit(PlatformNode platform, String category, String village) {
        PlatformNode.Answer answer = platform.post(
                "/api/appeals",
                null,
                AppealFixtures.intake(category, village),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return new Receipt(
                answer.body().path("trackingNo").asText(),
                answer.body().path("accessCode").asText());
    }

    private static JsonNode ok(PlatformNode.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static Map<String, Long> counts(DataSource database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> count : COUNTS.entrySet()) {
                try (ResultSet rs = statement.executeQuery(count.getValue())) {
                    rs.next();
                    counts.put(count.getKey(), rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
