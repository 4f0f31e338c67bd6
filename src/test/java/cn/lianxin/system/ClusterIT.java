package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Two nodes of the platform — the packaged jar, each in a JVM of its own — on one PostgreSQL database
 * (docs/operations.md "Several nodes"): requests taken by either, a task created on one and worked on
 * the other, one idempotent request sent to both, and light timers falling due together with both job
 * executors running: every timer fires exactly once, by the database's history.
 */
class ClusterIT {

    private static final Map<String, Object> IMMEDIATE = Map.of("path", "IMMEDIATE");

    @Test
    void twoNodesShareTheCasesTheTasksAndTheTimersAndFireEachTimerOnce() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "cluster"));
        try (EmbeddedPostgres db =
                EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            String url = db.getJdbcUrl("postgres", "postgres");
            NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(db.getPostgresDatabase());
            try (PlatformProcess a = PlatformProcess.start(url, "postgres", "postgres", work.resolve("node-a.log"));
                    PlatformProcess b =
                            PlatformProcess.start(url, "postgres", "postgres", work.resolve("node-b.log"))) {
                List<PlatformProcess> nodes = List.of(a, b);

                // requests taken by either node
                List<String> cases = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    cases.add(submit(nodes.get(i % 2), UUID.randomUUID().toString()));
                }
                assertThat(cases).doesNotHaveDuplicates();
                assertThat(sql.queryForObject(
                                "select count(*) from appeal where tracking_no in (:cases)",
                                Map.of("cases", cases),
                                Long.class))
                        .isEqualTo(20);

                // one request sent to both nodes with one Idempotency-Key is one case
                String key = UUID.randomUUID().toString();
                String first = submit(a, key);
                String again = submit(b, key);
                assertThat(again).isEqualTo(first);
                assertThat(sql.queryForObject(
                                "select count(*) from appeal where idempotency_key = :key",
                                Map.of("key", key),
                                Long.class))
                        .isEqualTo(1);
                assertThat(sql.queryForObject(
                                "select count(*) from act_ru_execution where business_key_ = :no and parent_id_ is null",
                                Map.of("no", first),
                                Long.class))
                        .isEqualTo(1);

                // a task of a case taken on A is worked on B, and the next step shows on A
                String triage = taskOf(b, first, "triage");
                PlatformProcess.Answer done =
                        b.post("/api/tasks/" + triage + "/completion", "gw-v0101", IMMEDIATE, Map.of());
                assertThat(done.status()).as(done.text()).isEqualTo(204);
                assertThat(taskOf(a, first, "handle-immediate")).isNotBlank();

                // the 20 cases' light timers fall due together, with both job executors running
                List<String> instances = sql.queryForList(
                        "select id_ from act_ru_execution where business_key_ in (:cases) and parent_id_ is null",
                        Map.of("cases", cases),
                        String.class);
                List<String> timers = sql.queryForList(
                        "select id_ from act_ru_job where process_instance_id_ in (:instances)"
                                + " and handler_type_ = 'timer-transition'",
                        Map.of("instances", instances),
                        String.class);
                assertThat(timers).hasSize(20);
                // the yellow date passed a minute ago: a timer that fires turns its case yellow
                sql.update(
                        "update act_ru_task set follow_up_date_ = now() - interval '1 minute'"
                                + " where proc_inst_id_ in (:instances) and task_def_key_ = 'triage'",
                        Map.of("instances", instances));
                sql.update("update act_ru_job set duedate_ = now() where id_ in (:timers)", Map.of("timers", timers));

                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> sql.queryForObject(
                                        "select count(distinct job_id_) from act_hi_job_log where job_id_ in (:timers)"
                                                + " and job_state_ = 2",
                                        Map.of("timers", timers),
                                        Long.class)
                                == timers.size());

                // then: each timer ran once, never failed, and each case turned yellow once
                assertThat(sql.queryForObject(
                                "select count(*) from act_hi_job_log where job_id_ in (:timers) and job_state_ = 2",
                                Map.of("timers", timers),
                                Long.class))
                        .as("successful runs of the 20 timers")
                        .isEqualTo(20);
                assertThat(sql.queryForObject(
                                "select count(*) from act_hi_job_log where job_id_ in (:timers) and job_state_ = 1",
                                Map.of("timers", timers),
                                Long.class))
                        .as("failed runs")
                        .isZero();
                assertThat(sql.queryForList(
                                "select tracking_no from appeal_log where tracking_no in (:cases) and kind = 'LIGHT'",
                                Map.of("cases", cases),
                                String.class))
                        .as("one light change per case")
                        .hasSize(20)
                        .doesNotHaveDuplicates();
            }
        }
    }

    private static String submit(PlatformProcess node, String idempotencyKey) {
        PlatformProcess.Answer answer = node.post(
                "/api/appeals",
                null,
                AppealFixtures.intake("policy", "NORMAL", "HOUSEHOLD", "v0101"),
                Map.of("Idempotency-Key", idempotencyKey));
        assertThat(answer.status()).as(answer.text()).isIn(200, 201);
        return answer.body().path("trackingNo").asText();
    }

    /** The id of the case's open task of this key, as the village's grid worker finds it on the node. */
    private static String taskOf(PlatformProcess node, String trackingNo, String taskKey) {
        PlatformProcess.Answer found = node.get(
                "/engine-rest/task?processInstanceBusinessKey=" + trackingNo + "&taskDefinitionKey=" + taskKey,
                "gw-v0101");
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.body()).as(taskKey + " of " + trackingNo).hasSize(1);
        return found.body().get(0).path("id").asText();
    }
}
