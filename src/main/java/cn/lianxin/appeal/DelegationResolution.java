package cn.lianxin.appeal;

import cn.lianxin.appeal.OperatedTasks.OperatedTask;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 委派办结: the delegate hands a delegated task back to its owner, with a note of what was done. */
@Service
class DelegationResolution implements TaskOperation {

    private final OperatedTasks operated;
    private final TaskService tasks;

    DelegationResolution(OperatedTasks operated, TaskService tasks) {
        this.operated = operated;
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return "resolve";
    }

    @Override
    public boolean allowed(Task task, CurrentUser me) {
        return OperatedTasks.operable(task) && mayResolve(operated.operated(task), me);
    }

    private static boolean mayResolve(OperatedTask task, CurrentUser me) {
        return task.delegated() && me.userId().equals(task.task().getAssignee());
    }

    @Transactional
    void resolve(String taskId, String note) {
        OperatedTask task = operated.visible(taskId);
        CurrentUser me = operated.me();
        if (!task.delegated()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "task-not-delegated");
        }
        if (!mayResolve(task, me)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        String owner = task.task().getOwner();
        operated.changeAsPlatform(taskId, () -> tasks.resolveTask(taskId));
        operated.record(
                task,
                me,
                "RESOLUTION",
                "交回委派" + task.label() + "：" + note,
                new CadreNotice(
                        CadreNotice.Kind.DELEGATION_RESOLVED,
                        owner == null ? Set.of() : Set.of(owner),
                        Set.of(),
                        task.number(),
                        taskId,
                        operated.personName(me.userId()) + " 已办完委派的任务" + task.label() + "并交回，请确认办结：" + note,
                        me.userId()));
    }
}
