package cn.lianxin.deliberation.tasks;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.tasks.FieldChecks.required;
import static cn.lianxin.deliberation.tasks.FieldChecks.tooLong;

import cn.lianxin.deliberation.DeliberationProcess;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.Ledgers;
import cn.lianxin.deliberation.TopicLog;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 确认办结 ({@code confirm-completion}): with every milestone reported, the host confirms the topic
 * implemented (the public then evaluates it) or names what is missing and adds milestones.
 */
@Component
class ConfirmCompletion implements UserTask {

    private final Ledgers ledgers;
    private final TopicLog log;
    private final LedgerSummary ledgerSummary;

    ConfirmCompletion(Ledgers ledgers, TopicLog log, LedgerSummary ledgerSummary) {
        this.ledgers = ledgers;
        this.log = log;
        this.ledgerSummary = ledgerSummary;
    }

    @Override
    public String processKey() {
        return DeliberationProcess.KEY;
    }

    @Override
    public String taskKey() {
        return Tasks.CONFIRM_COMPLETION;
    }

    @Override
    public Set<String> fields() {
        return Set.of(IMPLEMENTED, COMPLETION_SUMMARY);
    }

    @Override
    public void check(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        if (v.bool(IMPLEMENTED) == null) {
            problems.add(new FieldError(IMPLEMENTED, "必须选择已全部落实（true）或尚未落实、补充节点（false）"));
        }
        required(v, COMPLETION_SUMMARY, "必须填写落实情况（尚未落实时写明还差什么）", problems);
        tooLong(v, COMPLETION_SUMMARY, 2000, problems);
        FieldChecks.refuseIf(problems);
    }

    @Override
    public void created(DelegateTask task) {
        task.setVariableLocal(LEDGER_SUMMARY, ledgerSummary.of((String) task.getVariable(DELIBERATION_NO)));
    }

    @Override
    public void completing(DelegateTask task) {
        String no = (String) task.getVariable(DELIBERATION_NO);
        TaskValues values = new TaskValues(task.getVariables());
        String summary = values.text(COMPLETION_SUMMARY);
        Instant now = TaskContext.now();
        if (Boolean.TRUE.equals(values.bool(IMPLEMENTED))) {
            ledgers.complete(no, summary, now);
            log.log(no, now, TaskContext.actor(task), "COMPLETION", "召集人确认已全部落实：" + summary, true);
        } else {
            log.log(no, now, TaskContext.actor(task), "COMPLETION", "召集人确认尚未全部落实，补充落实节点：" + summary, true);
        }
    }
}
