package cn.lianxin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fingerprint of everything a hostile request could change: the platform's case, deliberation,
 * log, inbox and outbox tables and Camunda's runtime, history, identity and authorization tables, each as
 * a row count and a digest of the rows' contents (PostgreSQL): the sum of each row's 64-bit hash, which
 * needs no sorting and changes with any row added, removed or changed (unless 64-bit hashes collide). Two
 * snapshots taken around a refused request must be equal: nothing stored, nothing changed.
 *
 * <p>Columns that change without anyone asking (a job's lock, a user's failed-login counter,
 * an outbox row's delivery state) are left out of the digest where noted, so the snapshot shows
 * what a request wrote, not what the platform's own background work did meanwhile.
 */
public final class StoreSnapshot {

    /** Table → the rows' text that is digested; {@code t} is the table alias. */
    private static final Map<String, String> TABLES = tables();

    private final Map<String, String> digests;

    private StoreSnapshot(Map<String, String> digests) {
        this.digests = digests;
    }

    /**
     * The store as it is once the job executors, which run in the background, have run the jobs already
     * due (an earlier test's async steps); they are then paused until {@link #assertUnchanged} has
     * compared (or the test has ended), so that the comparison sees what a request did, not a timer that
     * fell due meanwhile.
     */
    public static StoreSnapshot of(JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
                                        + " and (duedate_ is null or duedate_ <= current_timestamp)",
                                Long.class)
                        == 0);
        JobExecutors.pause();
        return digestOf(jdbc);
    }

    private static StoreSnapshot digestOf(JdbcTemplate jdbc) {
        Map<String, String> digests = new LinkedHashMap<>();
        TABLES.forEach((table, row) -> digests.put(
                table,
                jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(sum(hashtextextended(" + row + ", 0)::numeric), 0) from "
                                + table + " t",
                        String.class)));
        return new StoreSnapshot(digests);
    }

    /** Fails naming each table whose rows differ from this snapshot's. */
    public void assertUnchanged(JdbcTemplate jdbc) {
        StoreSnapshot now = digestOf(jdbc);
        JobExecutors.resume();
        List<String> changed = digests.keySet().stream()
                .filter(table -> !digests.get(table).equals(now.digests.get(table)))
                .toList();
        assertThat(changed)
                .as("tables changed by a request that must change nothing")
                .isEmpty();
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : List.of(
                "appeal",
                "appeal_log",
                "personal_data_reveal",
                "return_reason",
                "deliberation",
                "deliberation_case",
                "deliberation_log",
                "deliberation_notice",
                "deliberation_opinion",
                "deliberation_minutes",
                "deliberation_attendance",
                "deliberation_vote",
                "deliberation_ledger",
                "deliberation_milestone",
                "deliberation_evaluation",
                "holiday_year",
                "account_lock",
                "account_lock_log",
                "unit",
                "act_re_deployment",
                "act_re_procdef",
                "act_ru_execution",
                "act_ru_task",
                "act_ru_variable",
                "act_ru_identitylink",
                "act_ru_event_subscr",
                "act_ru_incident",
                "act_ru_authorization",
                "act_ru_batch",
                "act_ru_filter",
                "act_ru_ext_task",
                "act_hi_procinst",
                "act_hi_actinst",
                "act_hi_taskinst",
                "act_hi_varinst",
                "act_hi_detail",
                "act_hi_comment",
                "act_hi_attachment",
                "act_hi_identitylink",
                "act_id_group",
                "act_id_membership",
                "act_id_info",
                "act_id_tenant",
                "act_id_tenant_member",
                "organisation_import",
                "hotspot_instruction",
                "hotspot_topic",
                "party_member",
                "village_resource",
                "village_need",
                "village_project",
                "service_order",
                "service_order_log",
                "service_order_photo",
                "points_entry",
                "volunteer",
                "volunteer_phone_view",
                "process_migration",
                "process_migration_case")) {
            tables.put(table, "t::text");
        }
        // a job's lock owner and expiry change as any node's job executor looks at it
        tables.put("act_ru_job", "concat_ws(',', t.id_, t.duedate_, t.retries_, t.handler_cfg_, t.suspension_state_)");
        // failed sign-ins are counted here by design; what must never change is who exists and their password
        tables.put("act_id_user", "concat_ws(',', t.id_, t.pwd_, t.salt_, t.first_, t.last_, t.email_)");
        // 站内消息: a refused request marks none read and adds none
        tables.put("cadre_inbox", "t::text");
        // the sender marks rows as it delivers them; a refused request must add none
        tables.put("notification_outbox", "t.id::text");
        return tables;
    }
}
