package cn.lianxin.member;

import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.system.ListPage;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the points ledger ({@code points_entry}) says of a member and of a village: a member's entries and
 * totals, and per member of a village the services, hours, points and evaluations of some quarters — the
 * village's ranking and the quarterly summary. A period is a set of quarters ({@code credited_quarter}),
 * so a year is its four.
 */
@Repository
class ServiceRecords {

    /** One served order in a member's ledger. */
    record Entry(
            String orderNo,
            int minutesServed,
            Satisfaction satisfaction,
            int perHour,
            int hourPoints,
            int evaluationPoints,
            int points,
            Instant creditedAt,
            String quarter) {}

    /** A member's lifetime totals. */
    record Totals(long services, long minutes, long points) {}

    /** A member's figures over a period. */
    record MemberPeriod(
            String userId,
            String name,
            String employer,
            MemberStatus status,
            long services,
            long minutes,
            long points,
            long satisfied,
            long basicallySatisfied,
            long unsatisfied,
            long lifetimePoints) {

        long unevaluated() {
            return services - satisfied - basicallySatisfied - unsatisfied;
        }
    }

    private final JdbcClient jdbc;

    ServiceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the member's ledger, newest first. */
    List<Entry> ledger(String userId, ListPage.Numbered page) {
        return jdbc.sql("select * from points_entry where user_id = ?"
                        + " order by credited_at desc, id desc offset ? rows fetch next ? rows only")
                .params(userId, page.offset(), page.fetch())
                .query((rs, i) -> new Entry(
                        rs.getString("order_no"),
                        rs.getInt("minutes_served"),
                        rs.getString("satisfaction") == null
                                ? null
                                : Satisfaction.valueOf(rs.getString("satisfaction")),
                        rs.getInt("per_hour"),
                        rs.getInt("hour_points"),
                        rs.getInt("evaluation_points"),
                        rs.getInt("points"),
                        Registrations.instant(rs, "credited_at"),
                        rs.getString("credited_quarter")))
                .list();
    }

    Totals totals(String userId) {
        return jdbc.sql("select count(*) services, coalesce(sum(minutes_served), 0) minutes,"
                        + " coalesce(sum(points), 0) points from points_entry where user_id = ?")
                .param(userId)
                .query((rs, i) -> new Totals(rs.getLong("services"), rs.getLong("minutes"), rs.getLong("points")))
                .single();
    }

    /**
     * Each member of the village who is confirmed or served in the period, with their figures of the period
     * (entries credited in the village) and their lifetime points, most points of the period first.
     */
    List<MemberPeriod> ofVillage(String villageCode, List<Quarter> period) {
        String quarters =
                String.join(", ", period.stream().map(q -> "'" + q + "'").toList());
        return jdbc.sql("select m.user_id, m.name, m.employer, m.status, count(p.id) services,"
                        + " coalesce(sum(p.minutes_served), 0) minutes, coalesce(sum(p.points), 0) points,"
                        + " sum(case when p.satisfaction = 'SATISFIED' then 1 else 0 end) satisfied,"
                        + " sum(case when p.satisfaction = 'BASICALLY_SATISFIED' then 1 else 0 end) basically,"
                        + " sum(case when p.satisfaction = 'UNSATISFIED' then 1 else 0 end) unsatisfied,"
                        + " (select coalesce(sum(a.points), 0) from points_entry a where a.user_id = m.user_id) lifetime"
                        + " from party_member m left join points_entry p on p.user_id = m.user_id"
                        + " and p.village_code = m.village_code and p.credited_quarter in (" + quarters + ")"
                        + " where m.village_code = ? and (m.status = 'CONFIRMED' or p.id is not null)"
                        + " group by m.user_id, m.name, m.employer, m.status"
                        + " order by points desc, minutes desc, m.name, m.user_id")
                .param(villageCode)
                .query((rs, i) -> new MemberPeriod(
                        rs.getString("user_id"),
                        rs.getString("name"),
                        rs.getString("employer"),
                        MemberStatus.valueOf(rs.getString("status")),
                        rs.getLong("services"),
                        rs.getLong("minutes"),
                        rs.getLong("points"),
                        rs.getLong("satisfied"),
                        rs.getLong("basically"),
                        rs.getLong("unsatisfied"),
                        rs.getLong("lifetime")))
                .list();
    }
}
