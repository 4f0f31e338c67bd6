package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;

import cn.lianxin.workflow.ProcessTasks;
import cn.lianxin.workflow.UserTask;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The deliberation process's user tasks as the engine asks for them: each task key goes to its class
 * in {@code deliberation/tasks} ({@code topic-review} → {@code TopicReview}, …).
 */
@Component
class DeliberationTaskRules extends ProcessTasks {

    /** Set by the process and shown read-only: a submission may repeat them, never change them. */
    static final Set<String> PROTECTED = Set.of(
            DELIBERATION_NO,
            VILLAGE_CODE,
            TOWN_CODE,
            ORIGIN,
            STATUS,
            NOTICE_ID,
            NOTICE_ENDS_AT,
            QUORATE,
            PASSED,
            RESPONSIBLE_GROUP,
            MILESTONE_ID,
            MILESTONE_DUE_AT);

    DeliberationTaskRules(List<UserTask> tasks) {
        super(DeliberationProcess.KEY, PROTECTED, tasks);
    }
}
