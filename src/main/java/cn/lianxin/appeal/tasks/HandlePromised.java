package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.Outcome;
import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** 承诺办: the station meets its promise (DONE) or finds the matter beyond it and escalates (ESCALATE). */
@Component
class HandlePromised extends AppealTask {

    private static final String DONE = Outcome.DONE.name();
    private static final String ESCALATE = Outcome.ESCALATE.name();

    private final StepLog log;

    HandlePromised(StepLog log) {
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.HANDLE_PROMISED;
    }

    @Override
    public Set<String> fields() {
        return Set.of(OUTCOME, RESULT, ESCALATION_REASON);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        String outcome = submission.oneOf(OUTCOME, Set.of(DONE, ESCALATE), "应为 DONE（已办结）或 ESCALATE（转为上报）");
        if (DONE.equals(outcome)) {
            submission.required(RESULT, "办结时必须填写办理结果");
        } else if (ESCALATE.equals(outcome)) {
            submission.required(ESCALATION_REASON, "转为上报时必须说明理由");
        }
        submission.refuseIfInvalid();
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues values = new TaskValues(task.getVariables());
        if (DONE.equals(values.text(OUTCOME))) {
            log.record(task, "RESULT", "承诺办结果：" + values.text(RESULT), true);
        } else {
            log.record(task, "ESCALATION", "超出站点能力，转为上报：" + values.text(ESCALATION_REASON), true);
        }
    }
}
