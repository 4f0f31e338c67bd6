package cn.lianxin.member;

import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 积分台账: a party member's or a volunteer's points for the service orders they served (table {@code points_entry},
 * whose holder is either a member's {@code user_id} or a {@code volunteer_id}), by the
 * rules of {@code lianxin.points} ({@link PointsRules}) in force when credited, which each entry keeps.
 */
@Service
@EnableConfigurationProperties(PointsRules.class)
public class PointsLedger {

    private final JdbcClient jdbc;
    private final PointsRules rules;

    PointsLedger(JdbcClient jdbc, PointsRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /**
     * Credits a member for an order served: points for the minutes served and for the resident's evaluation
     * ({@code null} when none was given: the hours only). Joins the caller's transaction; crediting the same
     * order to the same member again changes nothing. The member must have registered with the community.
     */
    @Transactional
    public void credit(
            String userId, String villageCode, String orderNo, int minutesServed, Satisfaction satisfaction) {
        credit("user_id", userId, villageCode, orderNo, minutesServed, satisfaction);
    }

    /**
     * Credits a volunteer (志愿者, no account) for an order served, by the same rules as a member: joins the
     * caller's transaction, and crediting the same order to the same volunteer again changes nothing.
     */
    @Transactional
    public void creditVolunteer(
            long volunteerId, String villageCode, String orderNo, int minutesServed, Satisfaction satisfaction) {
        credit("volunteer_id", volunteerId, villageCode, orderNo, minutesServed, satisfaction);
    }

    /** One entry for its holder: {@code holderColumn} is user_id (a member) or volunteer_id (a volunteer). */
    private void credit(
            String holderColumn,
            Object holder,
            String villageCode,
            String orderNo,
            int minutesServed,
            Satisfaction satisfaction) {
        if (minutesServed < 0) {
            throw new IllegalArgumentException("minutes served cannot be negative: " + minutesServed);
        }
        Instant now = EngineClock.now();
        int hourPoints = rules.forMinutes(minutesServed);
        int evaluationPoints = rules.forEvaluation(satisfaction);
        // insert … where not exists works alike on PostgreSQL and H2; the unique key backs it when two race
        jdbc.sql("insert into points_entry (" + holderColumn + ", village_code, order_no, minutes_served,"
                        + " satisfaction, per_hour, hour_points, evaluation_points, points, credited_at,"
                        + " credited_quarter) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists"
                        + " (select 1 from points_entry where " + holderColumn + " = ? and order_no = ?)")
                .params(
                        holder,
                        villageCode,
                        orderNo,
                        minutesServed,
                        satisfaction == null ? null : satisfaction.name(),
                        rules.perHour(),
                        hourPoints,
                        evaluationPoints,
                        hourPoints + evaluationPoints,
                        now.atOffset(ZoneOffset.UTC),
                        Quarter.of(now).toString(),
                        holder,
                        orderNo)
                .update();
    }
}
