package cn.lianxin.workflow;

import cn.lianxin.system.ApiProblemException.FieldError;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
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

    static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
    static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
    static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");

    private final Function<String, Optional<UserTaskRules>> checks;

    /** @param checks the completion check of a process key, if it has one */
    TaskDataGuard(Function<String, Optional<UserTaskRules>> checks) {
        this.checks = checks;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof CompleteTaskCmd) {
            check(
                    (String) ReflectionUtils.getField(COMPLETE_TASK_ID, command),
                    submitted(ReflectionUtils.getField(COMPLETE_VARIABLES, command)));
        } else if (command instanceof SubmitTaskFormCmd) {
            check(
                    (String) ReflectionUtils.getField(SUBMIT_TASK_ID, command),
                    submitted(ReflectionUtils.getField(SUBMIT_PROPERTIES, command)));
        }
        return next.execute(command);
    }

    private void check(String taskId, Map<String, Object> submitted) {
        if (taskId == null || Context.getCommandContext() == null) {
            return;
        }
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
            return;
        }
        String processKey = task.getProcessDefinitionId()
                .substring(0, task.getProcessDefinitionId().indexOf(':'));
        Optional<UserTaskRules> found = checks.apply(processKey);
        if (found.isEmpty()) {
            return;
        }
        UserTaskRules check = found.get();
        Map<String, Object> stored = task.getVariables();
        List<FieldError> tampered = submitted.keySet().stream()
                .filter(check.protectedFields()::contains)
                .filter(name -> !sameValue(stored.get(name), submitted.get(name)))
                .map(name -> new FieldError(name, "由系统设置，不能修改"))
                .toList();
        if (!tampered.isEmpty()) {
            throw new TaskDataRejected(tampered);
        }
        // a task reached again (triage after a reopening…) must be answered anew: its own fields
        // count only as submitted now, never as left over from the last time
        Map<String, Object> values = new HashMap<>(stored);
        values.keySet().removeAll(check.fieldsOf(task.getTaskDefinitionKey()));
        values.putAll(submitted);
        check.check(task.getTaskDefinitionKey(), values);
    }

    /** Forms send numbers back as decimals (3 → 3.0): equal values are not a change. */
    private static boolean sameValue(Object stored, Object submitted) {
        if (stored instanceof Number a && submitted instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return java.util.Objects.equals(
                stored == null ? null : stored.toString(), submitted == null ? null : submitted.toString());
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
