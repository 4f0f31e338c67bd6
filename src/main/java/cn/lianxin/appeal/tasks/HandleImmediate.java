package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.ON_SITE;
import static cn.lianxin.appeal.AppealProcess.Variables.RESULT;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** 即办: the grid worker does it now and records the result; done on site, it is also 现场服务登记. */
@Component
class HandleImmediate extends AppealTask {

    private final StepLog log;

    HandleImmediate(StepLog log) {
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.HANDLE_IMMEDIATE;
    }

    @Override
    public Set<String> fields() {
        return Set.of(ON_SITE, RESULT);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        submission.required(RESULT, "必须填写办理结果");
        submission.refuseIfInvalid();
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues values = new TaskValues(task.getVariables());
        if (Boolean.TRUE.equals(values.bool(ON_SITE))) {
            log.record(task, "ON_SITE", "现场服务登记：网格员已到现场办理", true);
        }
        log.record(task, "RESULT", "即办结果：" + values.text(RESULT), true);
    }
}
