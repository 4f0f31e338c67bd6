package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.TRACKING_NO;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deadline.TrafficLight;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 驾驶舱's facts of each case ({@code appeal_fact}): written by the same call, in the same
 * transaction, that changes the case row, so the cockpit's figures are as current as the case and
 * never read Camunda's history. Each change also moves the case's contribution in the daily roll-ups
 * ({@link DailyTallies}) in that transaction: the fact row locked, the old contribution out, the new in.
 */
@Repository
public class CaseFacts {

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final DailyTallies tallies;

    CaseFacts(JdbcClient jdbc, WorkingDays workingDays, DailyTallies tallies) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.tallies = tallies;
    }

    /** A change of the case's facts, and of its contribution to the daily roll-ups with it. */
    private void changing(String trackingNo, Runnable change) {
        Optional<DailyTallies.Contribution> before = tallies.locked(trackingNo);
        change.run();
        tallies.moved(before, tallies.current(trackingNo));
    }

    /** The roll-ups' differences of this transaction are added when it commits, after its other work there. */
    void gatherUntilCommit() {
        tallies.gatherUntilCommit();
    }

    void received(
            String trackingNo, String villageCode, Category category, Channel channel, String location, Instant at) {
        changing(trackingNo, () -> {
            jdbc.sql(
                            "insert into appeal_fact (tracking_no, village_code, category, channel, received_at, status, place_key)"
                                    + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            trackingNo,
                            villageCode,
                            category.code(),
                            channel.name(),
                            utc(at),
                            AppealStatus.OPEN.name(),
                            PlaceKey.of(location))
                    .update();
        });
    }

    /** The way of handling chosen; the first choice is the case's first response (响应). */
    void pathChosen(String trackingNo, Path path, Instant at) {
        changing(trackingNo, () -> {
            jdbc.sql("update appeal_fact set path = ?, first_response_at = coalesce(first_response_at, ?)"
                            + " where tracking_no = ?")
                    .params(path.name(), utc(at), trackingNo)
                    .update();
            jdbc.sql("update appeal_fact set responded_in_time = first_response_at <= received_at + interval '24' hour"
                            + " where tracking_no = ? and responded_in_time is null")
                    .param(trackingNo)
                    .update();
        });
    }

    void evaluated(String trackingNo, String satisfaction) {
        changing(trackingNo, () -> {
            jdbc.sql("update appeal_fact set satisfaction = ? where tracking_no = ?")
                    .params(satisfaction, trackingNo)
                    .update();
        });
    }

    void reopened(String trackingNo, int count) {
        changing(trackingNo, () -> {
            jdbc.sql("update appeal_fact set reopen_count = ?, status = ?, ended_at = null, working_days = null"
                            + " where tracking_no = ?")
                    .params(count, AppealStatus.OPEN.name(), trackingNo)
                    .update();
        });
    }

    /** The case's light now, and whether it has ever been red. */
    void lightChanged(String trackingNo, TrafficLight light) {
        changing(trackingNo, () -> {
            jdbc.sql("update appeal_fact set light = ?, ever_red = (ever_red or ?) where tracking_no = ?")
                    .params(light.name(), light == TrafficLight.RED, trackingNo)
                    .update();
        });
    }

    /** A supervision (督办) of the case is open. */
    void supervised(String trackingNo) {
        changing(trackingNo, () -> {
            jdbc.sql("update appeal_fact set supervised = true where tracking_no = ? and not supervised")
                    .param(trackingNo)
                    .update();
        });
    }

    /** The case ended: its status, and its working days from intake (holidays and 调休 honoured). */
    void ended(String trackingNo, AppealStatus status, Instant at, List<String> returnReasons) {
        changing(trackingNo, () -> {
            jdbc.sql("select received_at from appeal_fact where tracking_no = ?")
                    .param(trackingNo)
                    .query(OffsetDateTime.class)
                    .optional()
                    .ifPresent(received -> jdbc.sql(
                                    "update appeal_fact set status = ?, ended_at = ?, working_days = ? where tracking_no = ?")
                            .params(
                                    status.name(),
                                    utc(at),
                                    workingDays.workingDaysBetween(received.toInstant(), at),
                                    trackingNo)
                            .update());
            for (String reason : returnReasons) {
                jdbc.sql("insert into appeal_fact_return_reason (tracking_no, reason) values (?, ?)")
                        .params(trackingNo, reason.length() > 500 ? reason.substring(0, 500) : reason)
                        .update();
            }
        });
    }

    /** A department's task of the case was created (dept-handle, joint-handle): the case is also theirs. */
    public void departmentTook(DelegateTask task, String deptCode) {
        String trackingNo = (String) task.getVariable(TRACKING_NO);
        changing(trackingNo, () -> {
            boolean known = jdbc.sql("select count(*) from appeal_fact_dept where tracking_no = ? and dept_code = ?")
                            .params(trackingNo, deptCode)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!known) {
                jdbc.sql("insert into appeal_fact_dept (tracking_no, dept_code) values (?, ?)")
                        .params(trackingNo, deptCode)
                        .update();
            }
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
