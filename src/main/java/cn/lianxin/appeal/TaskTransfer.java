package cn.lianxin.appeal;

import cn.lianxin.appeal.OperatedTasks.OperatedTask;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转办: the task's handler — or the head of its unit — hands it to another person or group its role
 * allows ({@link OperatedTasks#targets}), with a reason. To a person: they become its only handler (the
 * candidate groups are taken off, so the old group can no longer work it). To a group: it is
 * unclaimed and that group's only candidate.
 */
@Service
class TaskTransfer implements TaskOperation {

    private final OperatedTasks operated;
    private final TaskService tasks;

    TaskTransfer(OperatedTasks operated, TaskService tasks) {
        this.operated = operated;
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return "transfer";
    }

    @Override
    public boolean allowed(Task task, CurrentUser me) {
        return OperatedTasks.operable(task) && mayPass(operated.operated(task), me);
    }

    /** Handler or head, and not while delegated (the delegate hands it back first). */
    boolean mayPass(OperatedTask task, CurrentUser me) {
        return !task.delegated() && (operated.handles(task, me) || operated.heads(task, me));
    }

    /** Who the signed-in user may transfer or delegate the task to. */
    OperatedTasks.Targets targets(String taskId) {
        OperatedTask task = operated.visible(taskId);
        CurrentUser me = operated.me();
        checkMayPass(task, me);
        return operated.targets(task, me);
    }

    @Transactional
    void transfer(String taskId, String toUser, String toGroup, String reason) {
        OperatedTask task = operated.visible(taskId);
        CurrentUser me = operated.me();
        checkMayPass(task, me);
        if ((toUser == null) == (toGroup == null)) {
            throw ApiProblemException.invalid(List.of(
                    new FieldError("toUser", "须填写转办给谁：toUser（人员）或 toGroup（岗位）二选一"),
                    new FieldError("toGroup", "须填写转办给谁：toUser（人员）或 toGroup（岗位）二选一")));
        }
        OperatedTasks.Targets targets = operated.targets(task, me);
        String to;
        if (toUser != null) {
            if (targets.users().stream().noneMatch(t -> t.id().equals(toUser))) {
                throw ApiProblemException.invalid(List.of(new FieldError("toUser", "不是可转办的人员：须为本单位同一岗位的人员或本单位负责人")));
            }
            to = operated.personName(toUser) + "（" + toUser + "）";
        } else {
            if (targets.groups().stream().noneMatch(t -> t.id().equals(toGroup))) {
                throw ApiProblemException.invalid(List.of(new FieldError("toGroup", "不是可转办的岗位：须为本单位同一岗位或本单位负责人")));
            }
            to = operated.groupName(toGroup);
        }
        operated.changeAsPlatform(taskId, () -> {
            for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getGroupId() != null) {
                    tasks.deleteCandidateGroup(taskId, link.getGroupId());
                } else if (link.getUserId() != null) {
                    tasks.deleteCandidateUser(taskId, link.getUserId());
                }
            }
            // an owner left from an earlier delegation is no longer the task's
            String owner = task.task().getOwner();
            if (owner != null) {
                tasks.deleteUserIdentityLink(taskId, owner, IdentityLinkType.OWNER);
            }
            if (toUser != null) {
                tasks.setAssignee(taskId, toUser);
            } else {
                tasks.setAssignee(taskId, null);
                tasks.addCandidateGroup(taskId, toGroup);
            }
        });
        operated.record(
                task,
                me,
                "TRANSFER",
                "转办" + task.label() + "给 " + to + "，原因：" + reason,
                new CadreNotice(
                        CadreNotice.Kind.TRANSFERRED,
                        toUser == null ? Set.of() : Set.of(toUser),
                        toGroup == null ? Set.of() : Set.of(toGroup),
                        task.number(),
                        taskId,
                        operated.personName(me.userId()) + " 将任务" + task.label() + "转办给您，原因：" + reason,
                        me.userId()));
    }

    private void checkMayPass(OperatedTask task, CurrentUser me) {
        if (task.delegated()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "task-delegated");
        }
        if (!mayPass(task, me)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
    }
}
