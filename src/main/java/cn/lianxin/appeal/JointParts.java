package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.JOINT_DEPT;
import static cn.lianxin.appeal.AppealProcess.Variables.REOPEN_COUNT;
import static cn.lianxin.appeal.AppealProcess.Variables.TRACKING_NO;

import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 联合办理: each department's part of a joint case, kept apart rather than added to one shared
 * variable — so that ten departments completing at the same moment write ten rows and nobody meets
 * a conflict — and gathered for the lead's conclusion.
 */
@Repository
public class JointParts {

    /** One department's part. */
    public record Part(String deptCode, String result, String handledBy, Instant handledAt) {}

    private final JdbcClient jdbc;

    JointParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The part a department's {@code joint-handle} task completes with. */
    public void record(DelegateTask task, String result) {
        jdbc.sql("insert into appeal_joint_part (tracking_no, round, dept_code, result, handled_by, handled_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        task.getVariable(TRACKING_NO),
                        round(task),
                        task.getVariable(JOINT_DEPT),
                        result,
                        StepLog.actorOf(task),
                        EngineClock.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The parts of the case's current round of joint handling, in the order they came in. */
    public List<Part> ofCurrentRound(DelegateTask task) {
        return jdbc.sql("select dept_code, result, handled_by, handled_at from appeal_joint_part"
                        + " where tracking_no = ? and round = ? order by handled_at, id")
                .params(task.getVariable(TRACKING_NO), round(task))
                .query((rs, i) -> new Part(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The case's reopenings so far: a case joint-handled again after a reopening starts a new round. */
    private static int round(DelegateTask task) {
        return task.getVariable(REOPEN_COUNT) instanceof Number n ? n.intValue() : 0;
    }
}
