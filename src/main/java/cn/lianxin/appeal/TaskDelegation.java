package cn.lianxin.appeal;

import cn.lianxin.appeal.OperatedTasks.OperatedTask;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 委派: the task's handler (or its unit's head) asks a colleague of the task's role to do the work;
 * the caller becomes the task's owner, the colleague its assignee, and the task comes back to the
 * owner to confirm and complete once the colleague hands it back ({@link DelegationResolution}).
 * Nobody can complete it while it is delegated (the engine's completion guard refuses).
 */
@Service
class TaskDelegation implements TaskOperation {

    private final OperatedTasks operated;
    private final TaskTransfer transfers;
    private final TaskService tasks;

    TaskDelegation(OperatedTasks operated, TaskTransfer transfers, TaskService tasks) {
        this.operated = operated;
        this.transfers = transfers;
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return "delegate";
    }

    @Override
    public boolean allowed(Task task, CurrentUser me) {
        return transfers.allowed(task, me);
    }

    @Transactional
    void delegate(String taskId, String toUser, String reason) {
        OperatedTasks.Targets targets = transfers.targets(taskId);
        OperatedTask task = operated.visible(taskId);
        CurrentUser me = operated.me();
        if (targets.users().stream().noneMatch(t -> t.id().equals(toUser))) {
            throw ApiProblemException.invalid(List.of(new FieldError("toUser", "不是可委派的人员：须为本单位同一岗位的人员或本单位负责人")));
        }
        operated.changeAsPlatform(taskId, () -> {
            tasks.setAssignee(taskId, me.userId());
            tasks.setOwner(taskId, me.userId());
            tasks.delegateTask(taskId, toUser);
        });
        operated.record(
                task,
                me,
                "DELEGATION",
                "委派" + task.label() + "给 " + operated.personName(toUser) + "（" + toUser + "），原因：" + reason,
                new CadreNotice(
                        CadreNotice.Kind.DELEGATED,
                        Set.of(toUser),
                        Set.of(),
                        task.number(),
                        taskId,
                        operated.personName(me.userId()) + " 将任务" + task.label() + "委派给您，办完请交回：" + reason,
                        me.userId()));
    }
}
