package cn.lianxin.cockpit;

import cn.lianxin.appeal.AppealProcess;
import cn.lianxin.appeal.CasesAtStep;
import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.deliberation.DeliberationProcess;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The live process diagram (流程实况图): the latest deployed model of a process with, on each user
 * task, how many of its open tasks in the unit are green, yellow and red. A task's light is the one
 * its step recorded (the task-local {@code light}, which only gets worse while the task is open);
 * a task that records none (the deliberation's steps) takes the light its own dates give now.
 *
 * <p>The counts are one {@code GROUP BY} over the engine's open tasks, read as the platform once the
 * unit's reach has been checked in the platform's own terms, so the diagram costs the same few
 * statements however many tasks are open.
 */
@Service
class DiagramCounts {

    record Node(String activityId, String name, long green, long yellow, long red) {}

    record Diagram(String processKey, String name, String xml, List<Node> nodes) {}

    /** The processes a diagram may show: the two whose steps carry lights. */
    private static final Set<String> PROCESSES = Set.of(AppealProcess.KEY, DeliberationProcess.KEY);

    private final RepositoryService repository;
    private final EngineAsPlatform platform;
    private final JdbcClient jdbc;
    private final CasesAtStep casesAtStep;

    DiagramCounts(RepositoryService repository, EngineAsPlatform platform, JdbcClient jdbc, CasesAtStep casesAtStep) {
        this.repository = repository;
        this.platform = platform;
        this.jdbc = jdbc;
        this.casesAtStep = casesAtStep;
    }

    Diagram diagram(String processKey, DiagramScope scope) {
        ProcessDefinition definition = latest(processKey);
        BpmnModelInstance model = platform.call(() -> repository.getBpmnModelInstance(definition.getId()));
        String xml;
        try (InputStream in = platform.call(() -> repository.getProcessModel(definition.getId()))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<TrafficLight, Long>> counts = counts(processKey, scope);
        List<Node> nodes = new ArrayList<>();
        model.getModelElementsByType(UserTask.class).stream()
                .sorted((a, b) -> a.getId().compareTo(b.getId()))
                .forEach(task -> {
                    Map<TrafficLight, Long> lights = counts.getOrDefault(task.getId(), Map.of());
                    nodes.add(new Node(
                            task.getId(),
                            task.getName(),
                            lights.getOrDefault(TrafficLight.GREEN, 0L),
                            lights.getOrDefault(TrafficLight.YELLOW, 0L),
                            lights.getOrDefault(TrafficLight.RED, 0L)));
                });
        return new Diagram(processKey, definition.getName(), xml, nodes);
    }

    /**
     * The cases (newest first) with an open task at this node in the unit. Only the appeal's nodes
     * have cases; a deliberation's topics are not cases.
     */
    ListPage<CasesAtStep.Item> cases(
            String processKey, String activityId, DiagramScope scope, String before, int size) {
        ProcessDefinition definition = latest(processKey);
        BpmnModelInstance model = platform.call(() -> repository.getBpmnModelInstance(definition.getId()));
        if (!AppealProcess.KEY.equals(processKey) || !(model.getModelElementById(activityId) instanceof UserTask)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return casesAtStep.list(activityId, scope.villages(), scope.group(), before, size);
    }

    private ProcessDefinition latest(String processKey) {
        ProcessDefinition definition = PROCESSES.contains(processKey)
                ? platform.call(() -> repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processKey)
                        .latestVersion()
                        .singleResult())
                : null;
        if (definition == null) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return definition;
    }

    private Map<String, Map<TrafficLight, Long>> counts(String processKey, DiagramScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", processKey);
        params.put("now", Timestamp.from(EngineClock.now()));
        String where = CasesAtStep.taskScope("t", scope.villages(), scope.group(), params);
        Map<String, Map<TrafficLight, Long>> counts = new HashMap<>();
        jdbc.sql("select activity, light, count(*) as tasks from ("
                        + " select t.task_def_key_ as activity, coalesce(v.text_,"
                        + "   case when t.due_date_ is not null and t.due_date_ <= :now then 'RED'"
                        + "        when t.due_date_ is not null and t.follow_up_date_ is not null"
                        + "             and t.follow_up_date_ <= :now then 'YELLOW'"
                        + "        else 'GREEN' end) as light"
                        + " from act_ru_task t"
                        + " join act_re_procdef d on d.id_ = t.proc_def_id_"
                        + " left join act_ru_variable v on v.task_id_ = t.id_ and v.name_ = 'light'"
                        + " where d.key_ = :key" + where
                        + ") open_tasks group by activity, light")
                .params(params)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("activity"), a -> new EnumMap<>(TrafficLight.class))
                            .merge(TrafficLight.valueOf(rs.getString("light")), rs.getLong("tasks"), Long::sum);
                });
        return counts;
    }
}
