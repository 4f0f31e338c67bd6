package cn.lianxin.member;

import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.system.ListPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 积分与星级 as people read them: a member's ledger (their service record), and a village's members ranked
 * by the points of a quarter or a year, with their lifetime star level (星级志愿者).
 */
@Service
class PointsBoard {

    record EntryView(
            String orderNo,
            int minutesServed,
            double hours,
            String satisfaction,
            String satisfactionLabel,
            int perHour,
            int hourPoints,
            int evaluationPoints,
            int points,
            Instant creditedAt,
            String quarter) {}

    record Ranked(
            int rank,
            String userId,
            String name,
            String employer,
            long services,
            double hours,
            long points,
            long lifetimePoints,
            int star,
            String starLabel) {}

    /** A village's ranking over a period ({@code 2026Q4} or {@code 2026}). */
    record Ranking(String villageCode, String period, String periodLabel, List<Ranked> items) {}

    private final CommunityRegistration registration;
    private final ServiceRecords records;
    private final PointsRules rules;

    PointsBoard(CommunityRegistration registration, ServiceRecords records, PointsRules rules) {
        this.registration = registration;
        this.records = records;
        this.rules = rules;
    }

    /** A page of a member's ledger, newest first: their own, or a member of the secretary's village. */
    ListPage<EntryView> ledger(SignedIn user, String userId, ListPage.Numbered page) {
        registration.readable(user, userId);
        return ListPage.of(records.ledger(userId, page), page).map(PointsBoard::view);
    }

    /**
     * The village's members (confirmed, or credited in the period) ranked by the period's points; equal
     * points share a rank (1, 1, 3).
     */
    Ranking ranking(String village, List<Quarter> period, String periodText, String periodLabel) {
        List<Ranked> items = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        int rank = 0;
        int position = 0;
        for (ServiceRecords.MemberPeriod m : records.ofVillage(village, period)) {
            position++;
            if (m.points() != previous) {
                rank = position;
                previous = m.points();
            }
            int star = rules.starOf(m.lifetimePoints());
            items.add(new Ranked(
                    rank,
                    m.userId(),
                    m.name(),
                    m.employer(),
                    m.services(),
                    MemberView.hours(m.minutes()),
                    m.points(),
                    m.lifetimePoints(),
                    star,
                    PointsRules.starLabel(star)));
        }
        return new Ranking(village, periodText, periodLabel, List.copyOf(items));
    }

    private static EntryView view(ServiceRecords.Entry e) {
        Satisfaction s = e.satisfaction();
        return new EntryView(
                e.orderNo(),
                e.minutesServed(),
                MemberView.hours(e.minutesServed()),
                s == null ? null : s.name(),
                s == null ? "未评价" : s.label(),
                e.perHour(),
                e.hourPoints(),
                e.evaluationPoints(),
                e.points(),
                e.creditedAt(),
                e.quarter());
    }
}
