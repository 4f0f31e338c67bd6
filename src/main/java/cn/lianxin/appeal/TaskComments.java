package cn.lianxin.appeal;

import cn.lianxin.appeal.OperatedTasks.OperatedTask;
import cn.lianxin.identity.UnitTenants;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评论: notes on a task (Camunda's task comments, written as the user) by its handler, its unit's
 * head or a station head / town centre following the case; everyone who may see the task reads
 * them. The task's other handlers are told.
 */
@Service
class TaskComments implements TaskOperation {

    /** One comment as the workbench shows it. */
    record TaskComment(Instant at, String userId, String name, String message) {}

    private final OperatedTasks operated;
    private final TaskService tasks;

    TaskComments(OperatedTasks operated, TaskService tasks) {
        this.operated = operated;
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return "comment";
    }

    @Override
    public boolean allowed(Task task, CurrentUser me) {
        return OperatedTasks.operable(task) && mayComment(operated.operated(task), me);
    }

    private boolean mayComment(OperatedTask task, CurrentUser me) {
        return operated.handles(task, me)
                || me.userId().equals(task.task().getOwner())
                || operated.heads(task, me)
                || UnitTenants.placeOf(task.task().getTenantId())
                        .filter(operated.headedVillages(me, true)::contains)
                        .isPresent();
    }

    /** The task's comments, oldest first, for anyone who may see the task. */
    List<TaskComment> comments(String taskId) {
        operated.visible(taskId);
        return tasks.getTaskComments(taskId).stream()
                .sorted(Comparator.comparing(Comment::getTime).thenComparing(Comment::getId))
                .map(c -> new TaskComment(
                        c.getTime().toInstant(),
                        c.getUserId(),
                        c.getUserId() == null ? null : operated.personName(c.getUserId()),
                        c.getFullMessage()))
                .toList();
    }

    @Transactional
    TaskComment comment(String taskId, String message) {
        OperatedTask task = operated.visible(taskId);
        CurrentUser me = operated.me();
        if (!mayComment(task, me)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        Comment comment = tasks.createComment(taskId, task.task().getProcessInstanceId(), message);
        Set<String> users = new HashSet<>(task.handlingUsers());
        if (task.task().getOwner() != null) {
            users.add(task.task().getOwner());
        }
        users.remove(me.userId());
        operated.record(
                task,
                me,
                "COMMENT",
                "评论" + task.label() + "：" + message,
                new CadreNotice(
                        CadreNotice.Kind.COMMENTED,
                        users,
                        task.handlingGroups(),
                        task.number(),
                        taskId,
                        operated.personName(me.userId()) + " 评论了任务" + task.label() + "：" + message,
                        me.userId()));
        return new TaskComment(comment.getTime().toInstant(), me.userId(), operated.personName(me.userId()), message);
    }
}
