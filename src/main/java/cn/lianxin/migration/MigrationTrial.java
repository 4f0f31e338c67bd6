package cn.lianxin.migration;

import cn.lianxin.migration.MigrationRequest.Mapping;
import cn.lianxin.supervision.SupervisionProcess;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.EngineAsPlatform;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The migration plan of two versions — every step mapped to the step of the same id, and the
 * designer's explicit mappings for steps whose id changed — and the dry run: each open case of the
 * old version migrated in a transaction of its own that is rolled back, so what the engine would
 * refuse (or fail on) is found without moving anything.
 *
 * <p>Event triggers are not updated: a light's boundary timer keeps the due date it has, so the
 * light changes when it would have on the old version.
 */
@Component
class MigrationTrial {

    /** The plan and what it is made of, for the answer and the audit. */
    record Plan(ModelVersions.Pair versions, MigrationPlan plan, List<Mapping> mappings) {}

    /** A case of the old version: its tracking number, and why it cannot move (empty: it can). */
    record CaseVerdict(String processInstanceId, String trackingNo, List<String> reasons) {
        boolean movable() {
            return reasons.isEmpty();
        }
    }

    /** The dry run's answer. */
    record DryRun(
            String key,
            int fromVersion,
            int toVersion,
            List<Map<String, String>> instructions,
            int openCases,
            int movable,
            int notMovable,
            List<CaseView> cases) {}

    /** One case in the dry run's answer. */
    record CaseView(String trackingNo, boolean movable, List<String> reasons) {}

    private final RuntimeService runtime;
    private final ModelVersions versions;
    private final EngineAsPlatform platform;
    private final TransactionTemplate rolledBack;

    MigrationTrial(
            RuntimeService runtime,
            ModelVersions versions,
            EngineAsPlatform platform,
            PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.versions = versions;
        this.platform = platform;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The plan for the request: 400 naming the mapping when it names a step that is not in its version
     * or that the engine cannot map (a user task onto a gateway, into another scope, …).
     */
    Plan plan(MigrationRequest request) {
        ModelVersions.Pair pair = versions.pair(request.key(), request.fromVersion(), request.toVersion(), false);
        Map<String, FlowNode> before = ModelVersions.steps(versions.modelOf(pair.source()));
        Map<String, FlowNode> after = ModelVersions.steps(versions.modelOf(pair.target()));
        List<Mapping> mappings = request.mappingsOrNone();
        List<FieldError> wrong = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < mappings.size(); i++) {
            Mapping mapping = mappings.get(i);
            String field = "mappings[" + i + "]";
            if (mapping == null || mapping.from() == null || mapping.from().isBlank()) {
                wrong.add(new FieldError(field + ".from", "请填写旧版本中的环节标识"));
            } else if (!before.containsKey(mapping.from())) {
                wrong.add(new FieldError(
                        field + ".from", "第 " + pair.source().getVersion() + " 版没有环节「" + mapping.from() + "」"));
            } else if (!sources.add(mapping.from())) {
                wrong.add(new FieldError(field + ".from", "环节「" + mapping.from() + "」已映射过一次"));
            }
            if (mapping == null || mapping.to() == null || mapping.to().isBlank()) {
                wrong.add(new FieldError(field + ".to", "请填写新版本中的环节标识"));
            } else if (!after.containsKey(mapping.to())) {
                wrong.add(new FieldError(
                        field + ".to", "第 " + pair.target().getVersion() + " 版没有环节「" + mapping.to() + "」"));
            }
        }
        if (!wrong.isEmpty()) {
            throw ApiProblemException.rejected("migration-plan", wrong);
        }
        return platform.call(() -> {
            MigrationPlan generated = runtime.createMigrationPlan(
                            pair.source().getId(), pair.target().getId())
                    .mapEqualActivities()
                    .build();
            MigrationPlanBuilder builder = runtime.createMigrationPlan(
                    pair.source().getId(), pair.target().getId());
            Set<String> added = new HashSet<>(sources);
            for (MigrationInstruction instruction : generated.getInstructions()) {
                if (added.add(instruction.getSourceActivityId())) {
                    builder =
                            builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
                }
            }
            for (Mapping mapping : mappings) {
                builder = builder.mapActivities(mapping.from(), mapping.to());
                // the step's own events (its light's timer, 驳回, 撤回) go with it, keeping their jobs
                for (Map.Entry<String, String> event :
                        attachedEvents(mapping, before, after).entrySet()) {
                    if (added.add(event.getKey())) {
                        builder = builder.mapActivities(event.getKey(), event.getValue());
                    }
                }
            }
            try {
                return new Plan(pair, builder.build(), mappings);
            } catch (MigrationPlanValidationException e) {
                throw refused(e, mappings, before, after);
            }
        });
    }

    /**
     * The boundary events of a mapped step, each to the event of the same id on the step it is mapped
     * to: mapped explicitly, since the generated plan leaves out events whose step changed its id.
     */
    private static Map<String, String> attachedEvents(
            Mapping mapping, Map<String, FlowNode> before, Map<String, FlowNode> after) {
        Map<String, String> events = new java.util.LinkedHashMap<>();
        before.values().stream()
                .filter(node -> node instanceof BoundaryEvent event
                        && event.getAttachedTo().getId().equals(mapping.from()))
                .forEach(node -> {
                    if (after.get(node.getId()) instanceof BoundaryEvent event
                            && event.getAttachedTo().getId().equals(mapping.to())) {
                        events.put(node.getId(), node.getId());
                    }
                });
        return events;
    }

    private static ApiProblemException refused(
            MigrationPlanValidationException e,
            List<Mapping> mappings,
            Map<String, FlowNode> before,
            Map<String, FlowNode> after) {
        Set<FieldError> errors = new LinkedHashSet<>();
        for (MigrationInstructionValidationReport report :
                e.getValidationReport().getInstructionReports()) {
            String from = report.getMigrationInstruction().getSourceActivityId();
            String to = report.getMigrationInstruction().getTargetActivityId();
            int index = -1;
            for (int i = 0; i < mappings.size(); i++) {
                if (mappings.get(i).from().equals(from)) {
                    index = i;
                }
            }
            errors.add(new FieldError(
                    index < 0 ? "mappings" : "mappings[" + index + "]",
                    "环节「" + ModelVersions.nameOf(before, from) + "」（" + from + "）不能对应到「"
                            + ModelVersions.nameOf(after, to) + "」（" + to
                            + "）：两个环节的类型不同、所在的子流程不同，或其附属事件没有对应"));
        }
        return ApiProblemException.rejected("migration-plan", List.copyOf(errors));
    }

    /** Every open case of the old version tried against the plan; nothing is kept. */
    List<CaseVerdict> tryEach(Plan plan) {
        Map<String, FlowNode> before =
                ModelVersions.steps(versions.modelOf(plan.versions().source()));
        List<ProcessInstance> open = platform.call(() -> runtime.createProcessInstanceQuery()
                .processDefinitionId(plan.versions().source().getId())
                .orderByBusinessKey()
                .asc()
                .list());
        List<CaseVerdict> verdicts = new ArrayList<>();
        for (ProcessInstance instance : open) {
            verdicts.add(new CaseVerdict(instance.getId(), instance.getBusinessKey(), tryOne(plan, instance, before)));
        }
        return verdicts;
    }

    private List<String> tryOne(Plan plan, ProcessInstance instance, Map<String, FlowNode> before) {
        String processInstanceId = instance.getId();
        List<String> supervised = supervisedRenamedSteps(plan, instance, before);
        if (!supervised.isEmpty()) {
            return supervised;
        }
        try {
            platform.run(() -> rolledBack.executeWithoutResult(status -> {
                status.setRollbackOnly();
                runtime.newMigration(plan.plan())
                        .processInstanceIds(processInstanceId)
                        .execute();
            }));
            return List.of();
        } catch (MigratingProcessInstanceValidationException e) {
            return reasons(e.getValidationReport(), plan.plan(), before);
        } catch (ProcessEngineException e) {
            return List.of("迁移时引擎报错，案件不能移动；请联系管理员查看日志");
        }
    }

    /**
     * A supervision (督办) follows a step by the case's number and the step's id: a step under supervision
     * whose id the new version changes would leave its supervision waiting for a step that no longer
     * exists (it ends when that step is done; a new deadline is set on that step's task). Such a case
     * stays on the old version until its supervision has ended.
     */
    private List<String> supervisedRenamedSteps(Plan plan, ProcessInstance instance, Map<String, FlowNode> before) {
        if (instance.getBusinessKey() == null) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        for (Mapping mapping : plan.mappings()) {
            if (mapping.from().equals(mapping.to())) {
                continue;
            }
            long open = platform.call(() -> runtime.createProcessInstanceQuery()
                    .processDefinitionKey(SupervisionProcess.KEY)
                    .variableValueEquals(SupervisionProcess.Variables.TRACKING_NO, instance.getBusinessKey())
                    .variableValueEquals(SupervisionProcess.Variables.STEP_KEY, mapping.from())
                    .count());
            if (open > 0) {
                reasons.add("环节「" + ModelVersions.nameOf(before, mapping.from()) + "」正在督办中，而新版本改了它的标识（" + mapping.from()
                        + " → " + mapping.to() + "），督办会找不到它：请在督办结束后再迁移这件案件");
            }
        }
        return reasons;
    }

    /** Why a case cannot move, in Chinese, one line per step it sits on. */
    private static List<String> reasons(
            MigratingProcessInstanceValidationReport report, MigrationPlan plan, Map<String, FlowNode> before) {
        Set<String> mapped = new HashSet<>();
        plan.getInstructions().forEach(instruction -> mapped.add(instruction.getSourceActivityId()));
        Set<String> reasons = new LinkedHashSet<>();
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            reasons.add(reasonAt(activity.getSourceScopeId(), mapped, before, "停留在"));
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            reasons.add(reasonAt(transition.getSourceScopeId(), mapped, before, "正在异步执行"));
        }
        if (reasons.isEmpty()) {
            reasons.add("案件的状态与迁移计划不符，不能移动");
        }
        return List.copyOf(reasons);
    }

    private static String reasonAt(String stepId, Set<String> mapped, Map<String, FlowNode> before, String where) {
        String id = stepId.replace("#multiInstanceBody", "");
        String name = ModelVersions.nameOf(before, id);
        return mapped.contains(stepId)
                ? where + "环节「" + name + "」，它在新版本中对应的环节类型或位置不相容"
                : where + "新版本中不存在的环节「" + name + "」（" + id + "），请为它指定对应的新环节";
    }

    /** The dry run's answer for a plan and its verdicts. */
    static DryRun answer(Plan plan, List<CaseVerdict> verdicts) {
        List<Map<String, String>> instructions = plan.plan().getInstructions().stream()
                .map(instruction ->
                        Map.of("from", instruction.getSourceActivityId(), "to", instruction.getTargetActivityId()))
                .toList();
        int movable = (int) verdicts.stream().filter(CaseVerdict::movable).count();
        return new DryRun(
                plan.versions().key(),
                plan.versions().source().getVersion(),
                plan.versions().target().getVersion(),
                instructions,
                verdicts.size(),
                movable,
                verdicts.size() - movable,
                verdicts.stream()
                        .map(verdict -> new CaseView(verdict.trackingNo(), verdict.movable(), verdict.reasons()))
                        .toList());
    }
}
