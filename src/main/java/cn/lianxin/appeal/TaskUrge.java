package cn.lianxin.appeal;

import cn.lianxin.appeal.OperatedTasks.OperatedTask;
import cn.lianxin.identity.UnitTenants;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催办: a station head urges the handlers of an open task of their village's cases (whichever unit
 * handles the step now: the station follows its cases all the way), a town centre those of its
 * villages' cases. The handlers are the assignee, or the task's candidates while nobody has claimed
 * it. The same task is urged at most once per {@code lianxin.urge.min-interval} (default one hour):
 * a second urge within it is refused with 429 and stores nothing.
 */
@Service
class TaskUrge implements TaskOperation {

    private final OperatedTasks operated;
    private final JdbcClient jdbc;
    private final Duration minInterval;

    TaskUrge(
            OperatedTasks operated, JdbcClient jdbc, @Value("${lianxin.urge.min-interval:PT1H}") Duration minInterval) {
        this.operated = operated;
        this.jdbc = jdbc;
        this.minInterval = minInterval;
    }

    @Override
    public String name() {
        return "urge";
    }

    @Override
    public boolean allowed(Task task, CurrentUser me) {
        return OperatedTasks.operable(task) && mayUrge(task, me);
    }

    private boolean mayUrge(Task task, CurrentUser me) {
        // a department's task belongs to its work in the case's village (UnitTenants)
        return UnitTenants.placeOf(task.getTenantId())
                        .filter(operated.headedVillages(me, true)::contains)
                        .isPresent()
                && !me.userId().equals(task.getAssignee());
    }

    @Transactional
    void urge(String taskId, String message) {
        OperatedTask task = operated.visible(taskId);
        CurrentUser me = operated.me();
        if (!mayUrge(task.task(), me)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        Instant now = OperatedTasks.now();
        claimTheUrge(taskId, me.userId(), now);
        operated.record(
                task,
                me,
                "URGE",
                "催办" + task.label() + "：" + message,
                new CadreNotice(
                        CadreNotice.Kind.URGED,
                        task.handlingUsers(),
                        task.handlingGroups(),
                        task.number(),
                        taskId,
                        operated.personName(me.userId()) + " 催办任务" + task.label() + "：" + message,
                        me.userId()));
    }

    /**
     * Takes this task's turn to be urged, or refuses: the row of its last urge is locked while it is
     * read, and two first urges at once collide on the key, so two urges never both pass.
     */
    private void claimTheUrge(String taskId, String userId, Instant now) {
        Optional<OffsetDateTime> last = jdbc.sql("select urged_at from task_urge where task_id = ? for update")
                .param(taskId)
                .query(OffsetDateTime.class)
                .optional();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        if (last.isPresent()) {
            Instant next = last.get().toInstant().plus(minInterval);
            if (now.isBefore(next)) {
                throw tooSoon(now, next);
            }
            jdbc.sql("update task_urge set urged_at = ?, urged_by = ? where task_id = ?")
                    .params(at, userId, taskId)
                    .update();
            return;
        }
        try {
            jdbc.sql("insert into task_urge (task_id, urged_at, urged_by) values (?, ?, ?)")
                    .params(taskId, at, userId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw tooSoon(now, now.plus(minInterval));
        }
    }

    private ApiProblemException tooSoon(Instant now, Instant next) {
        long minutes = Math.max(1, Duration.between(now, next).toMinutes());
        return new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "urged-recently", minutes);
    }
}
