package cn.lianxin.supervision.tasks;

import static cn.lianxin.supervision.SupervisionProcess.Variables.REPLY;

import cn.lianxin.supervision.SupervisionProcess;
import cn.lianxin.supervision.SupervisionProcess.Tasks;
import cn.lianxin.workflow.UserTask;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 回复督办 ({@code reply}): the handler answers the supervisor. The process's {@code record-reply}
 * step checks that the reply is there and puts it on the case's timeline.
 */
@Component
class Reply implements UserTask {

    @Override
    public String processKey() {
        return SupervisionProcess.KEY;
    }

    @Override
    public String taskKey() {
        return Tasks.REPLY;
    }

    @Override
    public Set<String> fields() {
        return Set.of(REPLY);
    }
}
