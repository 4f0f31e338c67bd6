package cn.lianxin.migration;

import cn.lianxin.citizen.IdempotencyKeys;
import cn.lianxin.citizen.RequestFingerprint;
import cn.lianxin.migration.MigrationRequest.Mapping;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executing a migration: the dry run again (only the cases that can move go into the batch), then
 * Camunda's migration batch, recorded with who asked and what; and its progress from the batch's
 * statistics, with the result once the batch is done.
 */
@Service
class Migrations {

    /** A started (or replayed) migration: its id, and whether this request started it. */
    record Started(long id, boolean replayed) {}

    /** The batch's jobs. */
    record Jobs(int total, int completed, int remaining, int failed) {}

    /** What the migration did to the cases it took, once its batch is done. */
    record Result(int moved, int ended, List<String> notMoved) {}

    /** A migration as {@code GET /api/migrations/{id}} shows it. */
    record Progress(
            long id,
            String key,
            int fromVersion,
            int toVersion,
            List<Mapping> mappings,
            String requestedBy,
            Instant requestedAt,
            String batchId,
            int casesSubmitted,
            int casesLeft,
            String state,
            String stateLabel,
            Jobs jobs,
            Result result) {}

    private record Row(
            long id,
            String requestedBy,
            Instant requestedAt,
            String processKey,
            int fromVersion,
            int toVersion,
            String targetDefinitionId,
            String mappings,
            String batchId,
            int casesSubmitted,
            int casesLeft) {}

    private final MigrationTrial trial;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final EngineAsPlatform platform;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    Migrations(
            MigrationTrial trial,
            RuntimeService runtime,
            ManagementService management,
            HistoryService history,
            EngineAsPlatform platform,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ObjectMapper json) {
        this.trial = trial;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.platform = platform;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /**
     * Starts the migration as a batch of the cases that can move, or answers with the one an earlier
     * request under the same key started; 409 when no case can move (nothing is stored then).
     */
    Started start(MigrationRequest request, String idempotencyKey, String user) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw ApiProblemException.invalid(
                    List.of(new FieldError("Idempotency-Key", "请在请求头中带上 1 到 100 个字符的 Idempotency-Key")));
        }
        String fingerprint = RequestFingerprint.of(request);
        Optional<Started> earlier = replayOf(idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        MigrationTrial.Plan plan = trial.plan(request);
        List<MigrationTrial.CaseVerdict> verdicts = trial.tryEach(plan);
        List<MigrationTrial.CaseVerdict> movable =
                verdicts.stream().filter(MigrationTrial.CaseVerdict::movable).toList();
        if (movable.isEmpty()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "migration-nothing-to-move", verdicts.size());
        }
        long id;
        try {
            id = transaction.execute(status -> {
                KeyHolder key = new GeneratedKeyHolder();
                jdbc.sql(
                                """
                                insert into process_migration (idempotency_key, request_fingerprint, requested_by,
                                    requested_at, process_key, from_version, to_version, source_definition_id,
                                    target_definition_id, mappings, cases_submitted, cases_left)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                idempotencyKey,
                                fingerprint,
                                user,
                                Timestamp.from(EngineClock.now()),
                                plan.versions().key(),
                                plan.versions().source().getVersion(),
                                plan.versions().target().getVersion(),
                                plan.versions().source().getId(),
                                plan.versions().target().getId(),
                                write(plan.mappings()),
                                movable.size(),
                                verdicts.size() - movable.size())
                        .update(key, "id");
                long inserted = key.getKeyAs(Number.class).longValue();
                List<String> ids = movable.stream()
                        .map(MigrationTrial.CaseVerdict::processInstanceId)
                        .toList();
                Batch batch = platform.call(() -> runtime.newMigration(plan.plan())
                        .processInstanceIds(ids)
                        .executeAsync());
                jdbc.sql("update process_migration set batch_id = ? where id = ?")
                        .params(batch.getId(), inserted)
                        .update();
                for (MigrationTrial.CaseVerdict verdict : movable) {
                    jdbc.sql("insert into process_migration_case (migration_id, process_instance_id, tracking_no)"
                                    + " values (?, ?, ?)")
                            .params(inserted, verdict.processInstanceId(), verdict.trackingNo())
                            .update();
                }
                return inserted;
            });
        } catch (DuplicateKeyException sameKeyAtOnce) {
            // the same key arrived twice at once: the first one's batch is the migration (no second was made)
            return replayOf(idempotencyKey, fingerprint).orElseThrow(() -> sameKeyAtOnce);
        }
        return new Started(id, false);
    }

    private Optional<Started> replayOf(String idempotencyKey, String fingerprint) {
        return IdempotencyKeys.replayOf(idempotencyKey, fingerprint, key -> jdbc.sql(
                                "select id, request_fingerprint from process_migration where idempotency_key = ?")
                        .param(key)
                        .query((rs, n) -> new IdempotencyKeys.Kept(
                                Long.toString(rs.getLong("id")), rs.getString("request_fingerprint")))
                        .optional())
                .map(id -> new Started(Long.parseLong(id), true));
    }

    /** The migration's progress and, once its batch is done, its result. */
    Optional<Progress> progress(long id) {
        return jdbc.sql(
                        """
                        select id, requested_by, requested_at, process_key, from_version, to_version,
                            target_definition_id, mappings, batch_id, cases_submitted, cases_left
                        from process_migration where id = ?""")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("requested_by"),
                        rs.getTimestamp("requested_at").toInstant(),
                        rs.getString("process_key"),
                        rs.getInt("from_version"),
                        rs.getInt("to_version"),
                        rs.getString("target_definition_id"),
                        rs.getString("mappings"),
                        rs.getString("batch_id"),
                        rs.getInt("cases_submitted"),
                        rs.getInt("cases_left")))
                .optional()
                .map(row -> platform.call(() -> progressOf(row)));
    }

    private Progress progressOf(Row row) {
        BatchStatistics running =
                management.createBatchStatisticsQuery().batchId(row.batchId()).singleResult();
        String state;
        String label;
        Jobs jobs;
        Result result = null;
        // every case moved: done, though Camunda's monitor job removes the batch only at its next poll
        boolean allMoved = running != null
                && running.getJobsCreated() == running.getTotalJobs()
                && running.getRemainingJobs() == 0
                && running.getFailedJobs() == 0;
        if (running != null && !allMoved) {
            jobs = new Jobs(
                    running.getTotalJobs(),
                    running.getCompletedJobs(),
                    running.getRemainingJobs(),
                    running.getFailedJobs());
            state = running.getFailedJobs() > 0 ? "FAILING" : "RUNNING";
            label = running.getFailedJobs() > 0 ? "有迁移作业失败，请管理员在 Cockpit 中查看并重试" : "正在迁移";
        } else {
            HistoricBatch done =
                    history.createHistoricBatchQuery().batchId(row.batchId()).singleResult();
            int total = running != null
                    ? running.getTotalJobs()
                    : done == null ? row.casesSubmitted() : done.getTotalJobs();
            jobs = new Jobs(total, total, 0, 0);
            state = "DONE";
            label = "已完成";
            result = resultOf(row);
        }
        return new Progress(
                row.id(),
                row.processKey(),
                row.fromVersion(),
                row.toVersion(),
                read(row.mappings()),
                row.requestedBy(),
                row.requestedAt(),
                row.batchId(),
                row.casesSubmitted(),
                row.casesLeft(),
                state,
                label,
                jobs,
                result);
    }

    /** Where the cases the batch took are now: on the new version, ended meanwhile, or not moved. */
    private Result resultOf(Row row) {
        List<Map<String, String>> cases = jdbc.sql("select process_instance_id, tracking_no from process_migration_case"
                        + " where migration_id = ? order by tracking_no")
                .param(row.id())
                .query((rs, n) -> Map.of(
                        "id",
                        rs.getString("process_instance_id"),
                        "trackingNo",
                        rs.getString("tracking_no") == null ? "" : rs.getString("tracking_no")))
                .list();
        int moved = 0;
        int ended = 0;
        List<String> notMoved = new ArrayList<>();
        for (Map<String, String> kase : cases) {
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceId(kase.get("id"))
                    .singleResult();
            if (instance == null) {
                ended++;
            } else if (instance.getProcessDefinitionId().equals(row.targetDefinitionId())) {
                moved++;
            } else {
                notMoved.add(kase.get("trackingNo"));
            }
        }
        return new Result(moved, ended, notMoved);
    }

    private String write(List<Mapping> mappings) {
        try {
            return json.writeValueAsString(mappings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mappings cannot be written", e);
        }
    }

    private List<Mapping> read(String mappings) {
        try {
            return json.readValue(mappings, new TypeReference<List<Mapping>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mappings cannot be read", e);
        }
    }
}
