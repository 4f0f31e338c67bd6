package cn.lianxin.migration;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.EngineAsPlatform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The deployed versions of a model (shared by every village: deployed without a tenant) and what
 * changed between two of them, step by step, with the open cases on each step of the old one.
 */
@Component
class ModelVersions {

    /** The two versions of one model a migration is between. */
    record Pair(String key, ProcessDefinition source, ProcessDefinition target) {}

    /** How a step differs between the versions. */
    enum Change {
        ADDED("新增"),
        REMOVED("删除"),
        RENAMED("改名"),
        KEPT("未变");

        final String label;

        Change(String label) {
            this.label = label;
        }
    }

    /** One step (activity, event or gateway) of either version. */
    record Step(
            String id,
            String name,
            String previousName,
            String type,
            Change change,
            String changeLabel,
            long openCases) {}

    /** One version as the answer shows it. */
    record Version(int version, String name, String deploymentId) {}

    /** What changed from one version to the other. */
    record Changes(String key, Version from, Version to, long openCases, List<Step> steps) {}

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final EngineAsPlatform platform;

    ModelVersions(
            RepositoryService repository,
            RuntimeService runtime,
            ManagementService management,
            EngineAsPlatform platform) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.platform = platform;
    }

    /**
     * The versions named, or by default the latest and the one before it; 400 naming the field when one
     * is missing or not a version number, 404 naming it when there is no such model or version. The
     * versions are named as the caller sent them: {@code from}/{@code to} in a query, {@code
     * fromVersion}/{@code toVersion} in a body (which has no defaults).
     */
    Pair pair(String key, Integer fromVersion, Integer toVersion, boolean defaults) {
        String fromField = defaults ? "from" : "fromVersion";
        String toField = defaults ? "to" : "toVersion";
        List<FieldError> missing = new ArrayList<>();
        if (key == null || key.isBlank()) {
            missing.add(new FieldError("key", "请填写模型的标识（流程 key），例如 appeal"));
        }
        if (!defaults && fromVersion == null) {
            missing.add(new FieldError(fromField, "请填写案件现在所在的版本号"));
        }
        if (!defaults && toVersion == null) {
            missing.add(new FieldError(toField, "请填写要迁移到的版本号"));
        }
        if (fromVersion != null && fromVersion < 1) {
            missing.add(new FieldError(fromField, "版本号从 1 开始"));
        }
        if (toVersion != null && toVersion < 1) {
            missing.add(new FieldError(toField, "版本号从 1 开始"));
        }
        if (!missing.isEmpty()) {
            throw ApiProblemException.invalid(missing);
        }
        List<ProcessDefinition> versions = platform.call(() -> repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .withoutTenantId()
                .orderByProcessDefinitionVersion()
                .desc()
                .list());
        if (versions.isEmpty()) {
            throw notFound("key", "没有标识为「" + key + "」的已部署模型");
        }
        int to = toVersion != null ? toVersion : versions.get(0).getVersion();
        int from = fromVersion != null ? fromVersion : to - 1;
        ProcessDefinition target = versionOf(versions, to, toField);
        ProcessDefinition source = versionOf(versions, from, fromField);
        if (from == to) {
            throw ApiProblemException.invalid(List.of(new FieldError(toField, "要迁移到的版本与现在的版本相同")));
        }
        return new Pair(key, source, target);
    }

    private static ProcessDefinition versionOf(List<ProcessDefinition> versions, int version, String field) {
        return versions.stream()
                .filter(definition -> definition.getVersion() == version)
                .findFirst()
                .orElseThrow(() -> notFound(
                        field,
                        version < 1
                                ? "这个模型只有一个版本，没有可比较的上一版本"
                                : "这个模型没有第 " + version + " 版（已部署的最新版本是第 "
                                        + versions.get(0).getVersion() + " 版）"));
    }

    private static ApiProblemException notFound(String field, String message) {
        return new ApiProblemException(
                HttpStatus.NOT_FOUND, "migration-version", List.of(new FieldError(field, message)), field);
    }

    /** The model of a version, read as the platform. */
    BpmnModelInstance modelOf(ProcessDefinition definition) {
        return platform.call(() -> repository.getBpmnModelInstance(definition.getId()));
    }

    /** Every step of either version: added, removed, renamed (same id, another name) or kept. */
    Changes changes(Pair pair) {
        Map<String, FlowNode> before = steps(modelOf(pair.source()));
        Map<String, FlowNode> after = steps(modelOf(pair.target()));
        Map<String, Long> open = new LinkedHashMap<>();
        long openCases = platform.call(() -> {
            for (ActivityStatistics statistics : management
                    .createActivityStatisticsQuery(pair.source().getId())
                    .list()) {
                open.put(statistics.getId(), (long) statistics.getInstances());
            }
            return runtime.createProcessInstanceQuery()
                    .processDefinitionId(pair.source().getId())
                    .count();
        });
        List<Step> steps = new ArrayList<>();
        before.forEach((id, node) -> {
            FlowNode now = after.get(id);
            Change change =
                    now == null ? Change.REMOVED : same(node.getName(), now.getName()) ? Change.KEPT : Change.RENAMED;
            steps.add(new Step(
                    id,
                    now == null ? node.getName() : now.getName(),
                    change == Change.RENAMED ? node.getName() : null,
                    node.getElementType().getTypeName(),
                    change,
                    change.label,
                    open.getOrDefault(id, 0L)));
        });
        after.forEach((id, node) -> {
            if (!before.containsKey(id)) {
                steps.add(new Step(
                        id,
                        node.getName(),
                        null,
                        node.getElementType().getTypeName(),
                        Change.ADDED,
                        Change.ADDED.label,
                        0));
            }
        });
        return new Changes(pair.key(), version(pair.source()), version(pair.target()), openCases, steps);
    }

    private static Version version(ProcessDefinition definition) {
        return new Version(definition.getVersion(), definition.getName(), definition.getDeploymentId());
    }

    /** The flow nodes of a model by id, in document order. */
    static Map<String, FlowNode> steps(BpmnModelInstance model) {
        Map<String, FlowNode> steps = new LinkedHashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            steps.put(node.getId(), node);
        }
        return steps;
    }

    /** The Chinese name of a step of a model, or its id when it has none. */
    static String nameOf(Map<String, FlowNode> steps, String id) {
        FlowNode node = steps.get(id);
        return node == null || node.getName() == null || node.getName().isBlank() ? id : node.getName();
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
