package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.FEEDBACK_CHANNEL;
import static cn.lianxin.appeal.AppealProcess.Variables.FEEDBACK_CONTENT;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** 反馈: the result reaches the citizen (签收登记), by a channel the form names. */
@Component
class Feedback extends AppealTask {

    /** The channels a result (or a visit's progress) can be told by, with the words the case log uses. */
    static final Map<String, String> CHANNELS = Map.of("PHONE", "电话告知", "VISIT", "上门告知", "SMS", "短信", "WECHAT", "微信");

    private final StepLog log;

    Feedback(StepLog log) {
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.FEEDBACK;
    }

    @Override
    public Set<String> fields() {
        return Set.of(FEEDBACK_CHANNEL, FEEDBACK_CONTENT);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        submission.oneOf(FEEDBACK_CHANNEL, CHANNELS.keySet(), "应为 PHONE、VISIT、SMS 或 WECHAT");
        submission.required(FEEDBACK_CONTENT, "必须填写反馈内容");
        submission.refuseIfInvalid();
    }

    @Override
    public void completing(DelegateTask task) {
        String channel = CHANNELS.get(new TaskValues(task.getVariables()).text(FEEDBACK_CHANNEL));
        log.record(task, "SIGN_OFF", "结果已反馈群众（" + channel + "）", true);
    }
}
