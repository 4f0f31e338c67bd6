package cn.lianxin.workflow;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A process's {@link UserTask}s behind the {@link UserTaskRules} port: each call goes to the task of
 * the key, with what every task of the process shares ({@link #everyTaskCreated}, {@link #everyTaskCompleting})
 * around it. A feature extends this once per process, naming the variables its forms show read-only.
 */
public abstract class ProcessTasks implements UserTaskRules {

    private final String processKey;
    private final Set<String> protectedFields;
    private final Map<String, UserTask> byKey;

    protected ProcessTasks(String processKey, Set<String> protectedFields, Collection<UserTask> allTasks) {
        this.processKey = processKey;
        this.protectedFields = Set.copyOf(protectedFields);
        this.byKey = allTasks.stream()
                .filter(task -> task.processKey().equals(processKey))
                .collect(Collectors.toUnmodifiableMap(UserTask::taskKey, Function.identity()));
    }

    @Override
    public final String processKey() {
        return processKey;
    }

    @Override
    public final Set<String> protectedFields() {
        return protectedFields;
    }

    /** The tasks of the process that have a class of their own, by task key. */
    public final Map<String, UserTask> tasks() {
        return byKey;
    }

    @Override
    public final Set<String> fieldsOf(String taskKey) {
        UserTask task = byKey.get(taskKey);
        return task == null ? Set.of() : task.fields();
    }

    @Override
    public final void check(String taskKey, Map<String, Object> values) {
        UserTask task = byKey.get(taskKey);
        if (task != null) {
            task.check(values);
        }
    }

    @Override
    public final void created(DelegateTask task) {
        UserTask own = byKey.get(task.getTaskDefinitionKey());
        if (own != null) {
            own.created(task);
        }
        everyTaskCreated(task);
    }

    @Override
    public final void completing(DelegateTask task) {
        UserTask own = byKey.get(task.getTaskDefinitionKey());
        if (own != null) {
            own.completing(task);
        }
        everyTaskCompleting(task);
    }

    /** What every task of the process does when it is created (after its own), e.g. start its light. */
    protected void everyTaskCreated(DelegateTask task) {}

    /** What every task of the process does when it is completed (after its own), e.g. log the step. */
    protected void everyTaskCompleting(DelegateTask task) {}
}
