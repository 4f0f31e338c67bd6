package cn.lianxin.appeal;

import cn.lianxin.citizen.Masking;
import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.identity.PersonNames;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.supervision.SupervisionProcess;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What Tasklist shows a cadre of each task beside its name: the card (tracking number, what it is
 * about, category, village, light as a colour and a word) and the 办理记录 tab (the case's or topic's
 * whole log, with people's names and masked personal data). Appeal, supervision and deliberation
 * tasks alike: a supervision reads as the case or topic it watches.
 */
@Service
class TaskCards {

    static final int MAX_IDS = 50;

    record Card(
            String taskId,
            String number,
            String summary,
            String categoryLabel,
            String villageName,
            String light,
            String lightLabel,
            String pathLabel) {}

    record Timeline(String number, String light, String lightLabel, List<TimelineEntry> entries) {}

    record TimelineEntry(Instant at, String actor, String actorName, String kind, String kindLabel, String entry) {}

    /** What the platform says for an entry written by the platform itself (timers, lights). */
    private static final String PLATFORM = "系统";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final EngineAsPlatform platform;
    private final Units units;
    private final List<CaseFiles> files;

    TaskCards(
            TaskService tasks,
            RuntimeService runtime,
            IdentityService identity,
            EngineAsPlatform platform,
            Units units,
            List<CaseFiles> files) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.platform = platform;
        this.units = units;
        this.files = files;
    }

    /**
     * The cards of the tasks among {@code ids} that the user may see, in the order asked; the others
     * are left out. Four statements at most whatever the count: the task query (as the user, so the
     * engine's authorization decides), one for the tasks' numbers and lights, one per kind of file.
     */
    List<Card> cards(String ids) {
        List<String> asked = ids(ids);
        List<Task> visible =
                tasks.createTaskQuery().taskIdIn(asked.toArray(String[]::new)).list();
        if (visible.isEmpty()) {
            return List.of();
        }
        Map<String, Facts> facts = facts(visible);
        Map<String, CaseFiles.Card> cards = filesOf(facts.values().stream()
                .map(Facts::number)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<String, Task> byId = visible.stream().collect(Collectors.toMap(Task::getId, t -> t));
        return asked.stream()
                .filter(byId::containsKey)
                .map(id -> card(byId.get(id), facts.get(id), cards))
                .toList();
    }

    /** The task's case or topic log, for a user who may see the task (404 otherwise). */
    Timeline timeline(String taskId) {
        Task task = visibleTask(taskId);
        Facts facts = facts(List.of(task)).get(taskId);
        CaseFiles.Card card =
                facts.number() == null ? null : filesOf(Set.of(facts.number())).get(facts.number());
        TrafficLight light = light(task, facts, card);
        List<CaseFiles.Entry> log = facts.number() == null
                ? List.of()
                : fileOf(facts.number()).map(f -> f.log(facts.number())).orElse(List.of());
        Map<String, String> names =
                names(log.stream().map(CaseFiles.Entry::actor).collect(Collectors.toSet()));
        return new Timeline(
                facts.number(),
                light.name(),
                light.label(),
                log.stream()
                        .map(e -> new TimelineEntry(
                                e.at(),
                                e.actor(),
                                e.actor() == null ? PLATFORM : names.getOrDefault(e.actor(), e.actor()),
                                e.kind(),
                                LogKinds.label(e.kind()),
                                Masking.inText(e.entry())))
                        .toList());
    }

    private static List<String> ids(String ids) {
        List<String> asked = ids == null
                ? List.of()
                : Arrays.stream(ids.split(","))
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new))
                        .stream()
                        .toList();
        if (asked.isEmpty() || asked.size() > MAX_IDS) {
            throw ApiProblemException.invalid(
                    List.of(new ApiProblemException.FieldError("ids", "应为 1 到 " + MAX_IDS + " 个任务编号，以英文逗号分隔")));
        }
        return asked;
    }

    /** A task's number (its case or topic), its own recorded light, and for a supervision its step and level. */
    private record Facts(String number, String light, String stepName, String levelLabel) {}

    /**
     * The facts of these tasks in one variable query, read as the platform: a cadre may read a task's
     * variables through the task but not query a process instance's, and the query is confined to the
     * instances of tasks the user's own query returned, so it shows nothing the user could not read.
     */
    private Map<String, Facts> facts(List<Task> visible) {
        // a task created on its own in Tasklist (创建任务) has no process instance, so no case or topic
        String[] instances = visible.stream()
                .map(Task::getProcessInstanceId)
                .filter(Objects::nonNull)
                .distinct()
                .toArray(String[]::new);
        Set<String> numberVariables = Stream.concat(
                        files.stream().map(CaseFiles::numberVariable),
                        Stream.of(SupervisionProcess.Variables.TRACKING_NO))
                .collect(Collectors.toSet());
        List<String> names = Stream.concat(
                        numberVariables.stream(),
                        Stream.of(
                                StepLights.LIGHT,
                                SupervisionProcess.Variables.STEP_NAME,
                                SupervisionProcess.Variables.LEVEL_LABEL))
                .distinct()
                .toList();
        Map<String, Map<String, Object>> ofInstance = new HashMap<>();
        Map<String, Object> lightOfTask = new HashMap<>();
        List<VariableInstance> variables = instances.length == 0
                ? List.of()
                : platform.call(() -> runtime.createVariableInstanceQuery()
                        .processInstanceIdIn(instances)
                        .variableNameIn(names.toArray(String[]::new))
                        .disableBinaryFetching()
                        .disableCustomObjectDeserialization()
                        .list());
        for (VariableInstance variable : variables) {
            if (variable.getTaskId() != null) {
                if (StepLights.LIGHT.equals(variable.getName())) {
                    lightOfTask.put(variable.getTaskId(), variable.getValue());
                }
            } else if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
                ofInstance
                        .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        Map<String, Facts> facts = new HashMap<>();
        for (Task task : visible) {
            Map<String, Object> values = task.getProcessInstanceId() == null
                    ? Map.of()
                    : ofInstance.getOrDefault(task.getProcessInstanceId(), Map.of());
            String number = numberVariables.stream()
                    .map(values::get)
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .filter(n -> fileOf(n).isPresent())
                    .findFirst()
                    .orElse(null);
            Object light = lightOfTask.get(task.getId());
            facts.put(
                    task.getId(),
                    new Facts(
                            number,
                            light == null ? null : light.toString(),
                            text(values.get(SupervisionProcess.Variables.STEP_NAME)),
                            text(values.get(SupervisionProcess.Variables.LEVEL_LABEL))));
        }
        return facts;
    }

    /** The cards of these numbers, one statement per kind of file. */
    private Map<String, CaseFiles.Card> filesOf(Collection<String> numbers) {
        Map<String, CaseFiles.Card> cards = new HashMap<>();
        for (CaseFiles file : files) {
            List<String> own = numbers.stream().filter(file::handles).toList();
            if (!own.isEmpty()) {
                cards.putAll(file.cards(own));
            }
        }
        return cards;
    }

    private java.util.Optional<CaseFiles> fileOf(String number) {
        return files.stream().filter(f -> f.handles(number)).findFirst();
    }

    private Card card(Task task, Facts facts, Map<String, CaseFiles.Card> cards) {
        CaseFiles.Card file = facts.number() == null ? null : cards.get(facts.number());
        TrafficLight light = light(task, facts, file);
        String summary = file == null ? null : file.summary();
        if (isSupervision(task)) {
            summary = "督办：" + Objects.requireNonNullElse(facts.stepName(), "")
                    + (facts.levelLabel() == null ? "" : "（" + facts.levelLabel() + "）")
                    + (summary == null ? "" : " · " + summary);
        }
        return new Card(
                task.getId(),
                facts.number(),
                Masking.inText(summary),
                file == null ? null : file.categoryLabel(),
                file == null
                        ? null
                        : units.byCode(file.villageCode()).map(Unit::name).orElse(file.villageCode()),
                light.name(),
                light.label(),
                file == null ? null : file.pathLabel());
    }

    /**
     * The task's light: the one its step recorded (appeal steps, milestone reports), else the one its
     * dates give now; a supervision also shows its case's or topic's light, as it exists because of it.
     */
    private static TrafficLight light(Task task, Facts facts, CaseFiles.Card file) {
        TrafficLight own = facts.light() != null
                ? TrafficLight.valueOf(facts.light())
                : TrafficLight.at(EngineClock.now(), instant(task.getFollowUpDate()), instant(task.getDueDate()));
        return isSupervision(task) && file != null ? own.worst(file.light()) : own;
    }

    private static boolean isSupervision(Task task) {
        return task.getProcessDefinitionId() != null
                && task.getProcessDefinitionId().startsWith(SupervisionProcess.KEY + ":");
    }

    /** The people's names of these actors in one query; actors that are no user (群众) are left out. */
    private Map<String, String> names(Set<String> actors) {
        String[] ids = actors.stream().filter(Objects::nonNull).toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return platform.call(() -> identity.createUserQuery().userIdIn(ids).list()).stream()
                .collect(Collectors.toMap(User::getId, PersonNames::of));
    }

    private Task visibleTask(String taskId) {
        Task task;
        try {
            task = tasks.createTaskQuery().taskId(taskId).singleResult();
        } catch (NullValueException e) {
            task = null;
        }
        if (task == null) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return task;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
