package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 一次性告知退回: the citizen is told every reason at once, with the basis and what to do instead. The
 * reasons are the standard ones ticked plus one per line written by hand; together they must not be
 * empty, and they are stored together as {@code returnReasons}.
 */
@Component
class NotifyReturn extends AppealTask {

    private final StepLog log;

    NotifyReturn(StepLog log) {
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.NOTIFY_RETURN;
    }

    @Override
    public Set<String> fields() {
        return Set.of(RETURN_REASONS, EXTRA_REASON, RETURN_BASIS, ALTERNATIVES);
    }

    @Override
    public void check(Map<String, Object> values) {
        Map<String, Object> merged = new HashMap<>(values);
        merged.put(RETURN_REASONS, allReasons(new TaskValues(values)));
        Submission submission = new Submission(merged);
        List<String> reasons = submission.values().list(RETURN_REASONS);
        if (reasons == null || reasons.stream().allMatch(String::isBlank)) {
            submission.problem(RETURN_REASONS, "必须一次性列出全部退回理由，至少一条");
        }
        submission.required(RETURN_BASIS, "必须填写退回依据");
        submission.required(ALTERNATIVES, "必须告诉群众可以怎么办");
        submission.refuseIfInvalid();
    }

    @Override
    public void completing(DelegateTask task) {
        List<String> reasons = allReasons(new TaskValues(task.getVariables()));
        task.setVariable(
                RETURN_REASONS,
                Variables.objectValue(reasons)
                        .serializationDataFormat("application/json")
                        .create());
        TaskValues values = new TaskValues(task.getVariables());
        log.record(
                task,
                "RESULT",
                "一次性告知退回。理由：" + String.join("；", values.list(RETURN_REASONS)) + "。依据：" + values.text(RETURN_BASIS)
                        + "。建议：" + values.text(ALTERNATIVES),
                true);
    }

    /** The chosen standard reasons plus one reason per line written by hand (a list Spin stores as JSON). */
    private static ArrayList<String> allReasons(TaskValues values) {
        String extra = values.text(EXTRA_REASON);
        ArrayList<String> reasons =
                new ArrayList<>(values.list(RETURN_REASONS) == null ? List.of() : values.list(RETURN_REASONS));
        if (extra != null) {
            Arrays.stream(extra.split("\\R"))
                    .map(String::trim)
                    .filter(line -> !line.isEmpty())
                    .forEach(reasons::add);
        }
        reasons.removeIf(String::isBlank);
        return reasons;
    }
}
