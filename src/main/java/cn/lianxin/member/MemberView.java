package cn.lianxin.member;

import cn.lianxin.citizen.Masking;
import java.time.Instant;

/**
 * A member's registration as the API shows it, with their lifetime service and star level. Free text a
 * member wrote (skills, availability) is shown to others with any phone or ID number in it masked.
 */
record MemberView(
        String userId,
        String name,
        String villageCode,
        String employer,
        String skills,
        String availability,
        String status,
        String statusLabel,
        Instant registeredAt,
        String decidedBy,
        Instant decidedAt,
        String rejectReason,
        Instant leftAt,
        long services,
        double hours,
        long points,
        int star,
        String starLabel) {

    static MemberView of(
            Registrations.Registration r, ServiceRecords.Totals totals, PointsRules rules, boolean ownRecord) {
        int star = rules.starOf(totals.points());
        return new MemberView(
                r.userId(),
                r.name(),
                r.villageCode(),
                r.employer(),
                ownRecord ? r.skills() : Masking.inText(r.skills()),
                ownRecord ? r.availability() : Masking.inText(r.availability()),
                r.status().name(),
                r.status().label(),
                r.registeredAt(),
                r.confirmedBy(),
                r.confirmedAt(),
                r.rejectReason(),
                r.leftAt(),
                totals.services(),
                hours(totals.minutes()),
                totals.points(),
                star,
                PointsRules.starLabel(star));
    }

    /** Minutes as hours with one decimal. */
    static double hours(long minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }
}
