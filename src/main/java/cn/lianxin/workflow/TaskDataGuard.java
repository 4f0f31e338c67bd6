package cn.lianxin.workflow;

import cn.lianxin.system.ApiProblemException.FieldError;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Checks the data a user submits to complete a task before the engine
 * completes it — for {@code TaskService.complete} (the platform's API, {@code /engine-rest/task/{id}/complete})
 * and {@code FormService.submitTaskForm} (Tasklist, {@code /submit-form}). It runs inside the
 * command, so a refusal ({@link TaskDataRejected}) rolls everything back and reaches Camunda's
 * REST API unwrapped, which answers 400 with the Chinese message. (A task listener cannot do this:
 * the engine wraps listener exceptions into an internal error.)
 *
 * <p>Camunda has no public hook for "validate before complete", so the two command objects are
 * read reflectively; if a Camunda upgrade renames their fields, the platform refuses to start (and
 * every test with it) instead of silently letting unchecked data through.
 */
class TaskDataGuard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TaskDataGuard.class);

    static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
    static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
    static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");

    /** Camunda's REST date format, e.g. 2026-11-30T18:00:00.000+0800. */
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Function<String, Optional<UserTaskRules>> checks;

    /** @param checks the completion check of a process key, if it has one */
    TaskDataGuard(Function<String, Optional<UserTaskRules>> checks) {
        this.checks = checks;
    }

    @Override
    public <T> T execute(Command<T> command) {
        String taskId = command instanceof CompleteTaskCmd
                ? (String) ReflectionUtils.getField(COMPLETE_TASK_ID, command)
                : command instanceof SubmitTaskFormCmd
                        ? (String) ReflectionUtils.getField(SUBMIT_TASK_ID, command)
                        : null;
        if (taskId == null || Context.getCommandContext() == null) {
            return next.execute(command);
        }
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        try {
            return checkedThenExecuted(command);
        } catch (TaskDataRejected refused) {
            // a refusal is the cadre's to fix, not an error: one line, no stack (RefusalsAreNotErrors);
            // the log pattern adds the request's correlation id
            log.info(
                    "拒绝办理任务 {}（{}）：{}",
                    task == null ? "?" : task.getTaskDefinitionKey(),
                    taskId,
                    refused.fields().stream()
                            .map(f -> f.field() + "（" + f.message() + "）")
                            .collect(Collectors.joining("；")));
            throw refused;
        }
    }

    private <T> T checkedThenExecuted(Command<T> command) {
        String taskId = (String) ReflectionUtils.getField(
                command instanceof SubmitTaskFormCmd ? SUBMIT_TASK_ID : COMPLETE_TASK_ID, command);
        mayWork(taskOf(taskId));
        if (command instanceof ResolveTaskCmd) {
            // handing a delegated task back (委派办结) is not completing it: no data travels with it
            refuseData(
                    (String) ReflectionUtils.getField(COMPLETE_TASK_ID, command),
                    ReflectionUtils.getField(COMPLETE_VARIABLES, command));
        } else if (command instanceof CompleteTaskCmd) {
            refuseWhileDelegated((String) ReflectionUtils.getField(COMPLETE_TASK_ID, command));
            Map<String, Object> accepted = check(
                    (String) ReflectionUtils.getField(COMPLETE_TASK_ID, command),
                    ReflectionUtils.getField(COMPLETE_VARIABLES, command));
            if (accepted != null) {
                ReflectionUtils.setField(COMPLETE_VARIABLES, command, accepted);
            }
        } else if (command instanceof SubmitTaskFormCmd) {
            refuseWhileDelegated((String) ReflectionUtils.getField(SUBMIT_TASK_ID, command));
            Map<String, Object> accepted = check(
                    (String) ReflectionUtils.getField(SUBMIT_TASK_ID, command),
                    ReflectionUtils.getField(SUBMIT_PROPERTIES, command));
            if (accepted != null) {
                ReflectionUtils.setField(SUBMIT_PROPERTIES, command, accepted);
            }
        }
        return next.execute(command);
    }

    /**
     * The engine's own check that the signed-in user may work the task, made before the data is: the
     * engine would refuse the command anyway (403), and someone who may not work a task learns nothing
     * about it from what its data check says (another village's task answered 400 before). Nothing when
     * the task does not exist (the engine says so) or the command runs without authorization checks.
     */
    private static void mayWork(TaskEntity task) {
        if (task == null) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
        }
    }

    /**
     * A delegated task (委派) comes back to its owner, who completes it: the delegate hands it back
     * ({@code resolveTask}) and cannot complete it by any route meanwhile.
     */
    private static void refuseWhileDelegated(String taskId) {
        TaskEntity task = taskOf(taskId);
        if (task != null && task.getDelegationState() == DelegationState.PENDING) {
            throw new TaskDataRejected(List.of(new FieldError("delegation", "任务正在委派中，须由被委派人交回后由委派人办结")));
        }
    }

    private static void refuseData(String taskId, Object variables) {
        if (taskOf(taskId) != null && !submitted(variables).isEmpty()) {
            throw new TaskDataRejected(List.of(
                    new FieldError(submitted(variables).keySet().iterator().next(), "交回委派时不能提交办理数据，请由委派人办结时填写")));
        }
    }

    private static TaskEntity taskOf(String taskId) {
        return taskId == null || Context.getCommandContext() == null
                ? null
                : Context.getCommandContext().getTaskManager().findTaskById(taskId);
    }

    /**
     * Checks a submission against the task's rules. A task takes exactly its own fields: a value the
     * form only shows (the case's description, its number…) may come back unchanged, as Camunda Forms
     * send read-only fields back, but is then left out so it is never written again; a changed one,
     * or a field the task does not have, is refused.
     *
     * @return the variables to complete with, or {@code null} to leave the command as it is
     */
    private VariableMap check(String taskId, Object variables) {
        if (taskId == null || Context.getCommandContext() == null) {
            return null;
        }
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
            return null;
        }
        String processKey = task.getProcessDefinitionId()
                .substring(0, task.getProcessDefinitionId().indexOf(':'));
        Optional<UserTaskRules> found = checks.apply(processKey);
        if (found.isEmpty()) {
            return null;
        }
        UserTaskRules check = found.get();
        Map<String, Object> submitted = submitted(variables);
        Map<String, Object> stored = task.getVariables();
        Set<String> fields = check.fieldsOf(task.getTaskDefinitionKey());
        List<FieldError> refused = new ArrayList<>();
        Set<String> echoed = new HashSet<>();
        for (Map.Entry<String, Object> entry : submitted.entrySet()) {
            String name = entry.getKey();
            boolean own = fields.contains(name) && !check.protectedFields().contains(name);
            if (own) {
                continue;
            }
            if (sameValue(stored.get(name), entry.getValue())) {
                echoed.add(name);
            } else if (stored.containsKey(name) || check.protectedFields().contains(name)) {
                refused.add(new FieldError(name, "由系统设置，不能修改"));
            } else {
                refused.add(new FieldError(name, "此任务的表单没有这一项，不能提交"));
            }
        }
        if (!refused.isEmpty()) {
            throw new TaskDataRejected(refused);
        }
        // a task reached again (triage after a reopening…) must be answered anew: its own fields
        // count only as submitted now, never as left over from the last time
        Map<String, Object> values = new HashMap<>(stored);
        values.keySet().removeAll(fields);
        values.putAll(submitted);
        check.check(task.getTaskDefinitionKey(), values);
        return echoed.isEmpty() ? null : without(variables, echoed);
    }

    private static VariableMap without(Object variables, Set<String> echoed) {
        VariableMap kept = Variables.createVariables();
        if (variables instanceof VariableMap map) {
            map.keySet().stream()
                    .filter(name -> !echoed.contains(name))
                    .forEach(name -> kept.putValueTyped(name, map.getValueTyped(name)));
        } else if (variables instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (!echoed.contains((String) name)) {
                    kept.put((String) name, value);
                }
            });
        }
        return kept;
    }

    /**
     * Forms send numbers back as decimals (3 → 3.0), dates as ISO text, and empty read-only fields as
     * {@code ""} or nothing: equal values are not a change.
     */
    static boolean sameValue(Object stored, Object submitted) {
        if (isEmpty(stored) && isEmpty(submitted)) {
            return true;
        }
        if (stored instanceof Number a && submitted instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        if (stored instanceof Date date && submitted != null && !(submitted instanceof Date)) {
            Instant instant = instantOf(submitted.toString());
            return instant != null && instant.toEpochMilli() == date.getTime();
        }
        if (stored instanceof Date a && submitted instanceof Date b) {
            return a.getTime() == b.getTime();
        }
        return java.util.Objects.equals(
                stored == null ? null : stored.toString(), submitted == null ? null : submitted.toString());
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isEmpty();
    }

    private static Instant instantOf(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return OffsetDateTime.parse(text, CAMUNDA_DATE).toInstant();
            } catch (DateTimeParseException notCamunda) {
                return null;
            }
        }
    }

    /** Submitted values as the rules read them; a serialized object stays its JSON text. */
    private static Map<String, Object> submitted(Object variables) {
        Map<String, Object> values = new HashMap<>();
        if (variables instanceof VariableMap map) {
            for (String name : map.keySet()) {
                TypedValue typed = map.getValueTyped(name);
                if (typed instanceof ObjectValue object && !object.isDeserialized()) {
                    values.put(name, object.getValueSerialized());
                } else {
                    values.put(name, typed == null ? null : typed.getValue());
                }
            }
        } else if (variables instanceof Map<?, ?> map) {
            map.forEach((k, v) -> values.put((String) k, v instanceof TypedValue typed ? typed.getValue() : v));
        }
        return values;
    }

    private static Field field(Class<?> type, String name) {
        Field field = ReflectionUtils.findField(type, name);
        if (field == null) {
            throw new IllegalStateException(
                    type.getName() + " has no field " + name + ": check TaskDataGuard after a Camunda upgrade");
        }
        ReflectionUtils.makeAccessible(field);
        return field;
    }
}
