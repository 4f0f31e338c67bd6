package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.JobExecutors;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * The operator's metrics (docs/operations.md "Metrics, dashboard, alerts") follow what happens: open
 * cases by light, late timers, failed jobs, the outbox's backlog (throttled sign-ins: {@code SignInIT};
 * refused public requests: {@code PublicLimitsIT}); and the Grafana dashboard and the alert rules in {@code ops/} use only metrics the
 * platform exports.
 */
@PlatformIntegrationTest
class OperationsMetricsIT {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppealFixtures appeals;

    @BeforeEach
    void noTimerFiresWhileATestCounts() {
        JobExecutors.pause();
    }

    @Test
    void aNewCaseCountsAsOpenAndGreen() {
        // given
        double green = metric("lianxin_cases_open", "light=\"GREEN\"");

        // when
        appeals.submit("lighting", "NORMAL", "BUILDING", "v0102");

        // then
        assertThat(metric("lianxin_cases_open", "light=\"GREEN\"")).isEqualTo(green + 1);
    }

    @Test
    void aTimerDueTwoMinutesAgoShowsAsLagAndAJobOutOfRetriesAsFailed() {
        // given: a case's light timer, due two minutes ago and not fired (the job executors are paused)
        AppealFixtures.Case appeal = appeals.submit("lighting", "NORMAL", "BUILDING", "v0102");
        String instance = appeals.processInstanceOf(appeal);
        String job = jdbc.queryForObject(
                "select id_ from act_ru_job where process_instance_id_ = ? and handler_type_ = 'timer-transition'",
                String.class,
                instance);
        Timestamp due = jdbc.queryForObject("select duedate_ from act_ru_job where id_ = ?", Timestamp.class, job);
        double failed = metric("lianxin_jobs_failed", null);
        try {
            jdbc.update(
                    "update act_ru_job set duedate_ = ? where id_ = ?",
                    Timestamp.from(Instant.now().minusSeconds(120)),
                    job);

            // then
            assertThat(metric("lianxin_timer_lag_seconds", null)).isGreaterThanOrEqualTo(120);
            assertThat(metric("lianxin_jobs_due", null)).isGreaterThanOrEqualTo(1);

            // when it has failed for good
            jdbc.update("update act_ru_job set retries_ = 0 where id_ = ?", job);

            // then
            assertThat(metric("lianxin_jobs_failed", null)).isEqualTo(failed + 1);
        } finally {
            jdbc.update("update act_ru_job set duedate_ = ?, retries_ = 3 where id_ = ?", due, job);
        }
    }

    @Test
    void anUndeliveredMessageShowsInTheBacklogWithItsAge() {
        // given
        double backlog = metric("lianxin_outbox_backlog", null);
        Instant twoHoursAgo = Instant.now().minusSeconds(7200);
        Long id = jdbc.queryForObject(
                "insert into notification_outbox (template, recipient_kind, recipient, body, status, next_attempt_at,"
                        + " created_at) values ('test', 'GROUP', 'grid-worker-v0102', '测试', 'PENDING', ?, ?)"
                        + " returning id",
                Long.class,
                Timestamp.from(Instant.now().plusSeconds(86_400)),
                Timestamp.from(twoHoursAgo));
        try {
            // then
            assertThat(metric("lianxin_outbox_backlog", null)).isEqualTo(backlog + 1);
            assertThat(metric("lianxin_outbox_oldest_seconds", null)).isGreaterThanOrEqualTo(7200);
        } finally {
            jdbc.update("delete from notification_outbox where id = ?", id);
        }
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlertsIsExported() throws IOException {
        // given
        String exported = as(http, "ops").getForObject("/actuator/prometheus", String.class);
        Set<String> names = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(exported);
        while (sample.find()) {
            names.add(sample.group(1));
        }
        // meters that exist once something happened (a refusal) are declared with their HELP line
        Matcher help = Pattern.compile("(?m)^# HELP (\\S+)").matcher(exported);
        while (help.find()) {
            names.add(help.group(1));
        }

        // when
        Set<String> used = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(new File("ops/grafana/lianxin.json"));
        dashboard.findValues("expr").forEach(expr -> used.addAll(metricsIn(expr.asText())));
        JsonNode rules;
        try (Reader yaml = Files.newBufferedReader(Path.of("ops/prometheus/lianxin-alerts.yml"))) {
            rules = new ObjectMapper().valueToTree(new Yaml().load(yaml));
        }
        rules.findValues("expr").forEach(expr -> used.addAll(metricsIn(expr.asText())));

        // then
        assertThat(used).as("the dashboard and the alerts use metrics").contains("lianxin_timer_lag_seconds");
        assertThat(names).containsAll(used);
        assertThat(rules.findValues("alert"))
                .allSatisfy(alert -> assertThat(alert.asText()).isNotBlank());
        assertThat(rules.findValues("summary"))
                .as("every alert says in Chinese what is wrong")
                .allSatisfy(summary -> assertThat(summary.asText()).containsPattern("\\p{IsHan}"));
    }

    /** The metric names of a PromQL expression: the words followed by a selector, a range or nothing. */
    private static Set<String> metricsIn(String promql) {
        Set<String> metrics = new TreeSet<>();
        Matcher word = Pattern.compile("\\b(lianxin_[a-z_]+|http_server_requests_seconds_[a-z]+|hikaricp_[a-z_]+"
                        + "|jvm_[a-z_]+|process_[a-z_]+|up)\\b")
                .matcher(promql);
        while (word.find()) {
            metrics.add(word.group(1));
        }
        metrics.remove("up"); // Prometheus's own, per scraped target
        return metrics;
    }

    /** The metric's value in a scrape as the operations role, filtered by a label if given. */
    private double metric(String name, String label) {
        String exported = as(http, "ops").getForObject("/actuator/prometheus", String.class);
        Matcher sample = SAMPLE.matcher(exported);
        while (sample.find()) {
            if (sample.group(1).equals(name)
                    && (label == null
                            || (sample.group(2) != null && sample.group(2).contains(label)))) {
                return Double.parseDouble(sample.group(3));
            }
        }
        throw new AssertionError(name + (label == null ? "" : "{" + label + "}") + " is not exported");
    }
}
