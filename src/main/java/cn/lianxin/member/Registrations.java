package cn.lianxin.member;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在职党员到社区报到 (table {@code party_member}): a member's registration with the community where they live,
 * and the branch secretary's confirmation or rejection of it. One record per member; a rejected (or departed)
 * member may register again, a confirmed one is registered already.
 */
@Repository
class Registrations {

    record Registration(
            String userId,
            String name,
            String villageCode,
            String employer,
            String skills,
            String availability,
            MemberStatus status,
            Instant registeredAt,
            String confirmedBy,
            Instant confirmedAt,
            String rejectReason,
            Instant leftAt) {}

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers the member with their village (again, after a rejection or departure: the details are
     * replaced and the record waits for the secretary anew). A confirmed member's record is a 409.
     */
    @Transactional
    Registration register(
            String userId, String name, String villageCode, String employer, String skills, String availability) {
        Map<String, Object> row = Map.of(
                "userId", userId,
                "village", villageCode,
                "name", name,
                "employer", employer,
                "skills", skills,
                "availability", availability,
                "registered", MemberStatus.REGISTERED.name(),
                "confirmed", MemberStatus.CONFIRMED.name(),
                "now", utc(EngineClock.now()));
        int inserted = jdbc.sql("insert into party_member (user_id, village_code, name, employer, skills, availability,"
                        + " status, registered_at) select :userId, :village, :name, :employer, :skills, :availability,"
                        + " :registered, :now where not exists (select 1 from party_member where user_id = :userId)")
                .params(row)
                .update();
        if (inserted == 0) {
            // a rejected or departed member registers anew; a confirmed one is registered already
            int updated = jdbc.sql("update party_member set village_code = :village, name = :name,"
                            + " employer = :employer, skills = :skills, availability = :availability,"
                            + " status = :registered, registered_at = :now, confirmed_by = null, confirmed_at = null,"
                            + " reject_reason = null, left_at = null where user_id = :userId and status <> :confirmed")
                    .params(row)
                    .update();
            if (updated == 0) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "member-confirmed");
            }
        }
        return of(userId).orElseThrow();
    }

    Optional<Registration> of(String userId) {
        return jdbc.sql("select * from party_member where user_id = ?")
                .param(userId)
                .query(Registrations::row)
                .optional();
    }

    /**
     * The secretary's decision on a registration waiting for it: {@code true} when it was decided now,
     * {@code false} when it is not (or no longer) waiting — decided before, or not of this village.
     */
    boolean decide(String userId, String villageCode, boolean confirmed, String reason, String secretary) {
        return jdbc.sql("update party_member set status = ?, confirmed_by = ?, confirmed_at = ?, reject_reason = ?"
                                + " where user_id = ? and village_code = ? and status = ?")
                        .params(
                                (confirmed ? MemberStatus.CONFIRMED : MemberStatus.REJECTED).name(),
                                secretary,
                                utc(EngineClock.now()),
                                confirmed ? null : reason,
                                userId,
                                villageCode,
                                MemberStatus.REGISTERED.name())
                        .update()
                == 1;
    }

    /**
     * A confirmed member leaves the village (no longer dispatched its orders; their points stay): {@code true}
     * when they left now, {@code false} when they were not a confirmed member of this village.
     */
    boolean leave(String userId, String villageCode, String secretary) {
        return jdbc.sql("update party_member set status = ?, left_at = ?, confirmed_by = ?"
                                + " where user_id = ? and village_code = ? and status = ?")
                        .params(
                                MemberStatus.LEFT.name(),
                                utc(EngineClock.now()),
                                secretary,
                                userId,
                                villageCode,
                                MemberStatus.CONFIRMED.name())
                        .update()
                == 1;
    }

    /** A page of the village's members (of one status, or all), by registration time, earliest first. */
    List<Registration> ofVillage(String villageCode, MemberStatus status, ListPage.Numbered page) {
        return jdbc.sql("select * from party_member where village_code = ?"
                        + (status == null ? "" : " and status = '" + status.name() + "'")
                        + " order by registered_at, user_id offset ? rows fetch next ? rows only")
                .params(villageCode, page.offset(), page.fetch())
                .query(Registrations::row)
                .list();
    }

    private static Registration row(ResultSet rs, int i) throws SQLException {
        return new Registration(
                rs.getString("user_id"),
                rs.getString("name"),
                rs.getString("village_code"),
                rs.getString("employer"),
                rs.getString("skills"),
                rs.getString("availability"),
                MemberStatus.valueOf(rs.getString("status")),
                instant(rs, "registered_at"),
                rs.getString("confirmed_by"),
                instant(rs, "confirmed_at"),
                rs.getString("reject_reason"),
                instant(rs, "left_at"));
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
