package cn.lianxin.supervision.tasks;

import static cn.lianxin.supervision.SupervisionProcess.Variables.*;

import cn.lianxin.supervision.SupervisionProcess;
import cn.lianxin.supervision.SupervisionProcess.Tasks;
import cn.lianxin.workflow.UserTask;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 督办 ({@code supervise}): the supervisor urges, resets the deadline or escalates, with a note. The
 * choice is checked by the process's {@code check-action} step right after the completion, in the same
 * transaction, because it also turns the new deadline into a date the following timer reads.
 */
@Component
class Supervise implements UserTask {

    @Override
    public String processKey() {
        return SupervisionProcess.KEY;
    }

    @Override
    public String taskKey() {
        return Tasks.SUPERVISE;
    }

    @Override
    public Set<String> fields() {
        return Set.of(ACTION, NOTE, NEW_DEADLINE);
    }
}
