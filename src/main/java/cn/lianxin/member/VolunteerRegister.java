package cn.lianxin.member;

import cn.lianxin.citizen.Masking;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineClock;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿者名册: a village's volunteers as its staff keep them — registered by the station (a volunteer needs no
 * account), listed with their points and star level, retired. The phone is in no list: only the village's
 * own staff opening one volunteer read it, and each such reading is recorded ({@code volunteer_phone_view}).
 */
@Service
class VolunteerRegister {

    /** A volunteer as the register shows them; {@code phone} only when one volunteer is opened. */
    record VolunteerView(
            long id,
            String villageCode,
            String name,
            @JsonInclude(JsonInclude.Include.NON_NULL) String phone,
            String skills,
            String availability,
            String status,
            String statusLabel,
            String registeredBy,
            Instant registeredAt,
            String retiredBy,
            Instant retiredAt,
            long services,
            double hours,
            long points,
            int star,
            String starLabel) {}

    private record Row(
            long id,
            String villageCode,
            String name,
            String phone,
            String skills,
            String availability,
            VolunteerStatus status,
            String registeredBy,
            Instant registeredAt,
            String retiredBy,
            Instant retiredAt,
            long services,
            long minutes,
            long points) {}

    private static final String SELECT = "select v.id, v.village_code, v.name, v.phone, v.skills, v.availability,"
            + " v.status, v.registered_by, v.registered_at, v.retired_by, v.retired_at,"
            + " (select count(*) from points_entry p where p.volunteer_id = v.id) services,"
            + " (select coalesce(sum(p.minutes_served), 0) from points_entry p where p.volunteer_id = v.id) minutes,"
            + " (select coalesce(sum(p.points), 0) from points_entry p where p.volunteer_id = v.id) points"
            + " from volunteer v";

    private final JdbcClient jdbc;
    private final PointsRules rules;

    VolunteerRegister(JdbcClient jdbc, PointsRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @Transactional
    VolunteerView register(
            String villageCode, String name, String phone, String skills, String availability, String by) {
        Instant now = EngineClock.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into volunteer (village_code, name, phone, skills, availability, status, registered_by,"
                        + " registered_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        villageCode,
                        name.trim(),
                        phone.trim(),
                        skills.trim(),
                        availability.trim(),
                        VolunteerStatus.ACTIVE.name(),
                        by,
                        Registrations.utc(now))
                .update(keys, "id");
        return view(row(villageCode, keys.getKey().longValue()).orElseThrow(), false);
    }

    /** A page of the village's register, newest first, after the volunteer {@code before} (keyset); no phones. */
    ListPage<VolunteerView> ofVillage(String villageCode, VolunteerStatus status, Long before, int size) {
        String where = " where v.village_code = ?" + (status == null ? "" : " and v.status = ?")
                + (before == null ? "" : " and v.id < ?");
        List<Object> params = new java.util.ArrayList<>();
        params.add(villageCode);
        if (status != null) {
            params.add(status.name());
        }
        if (before != null) {
            params.add(before);
        }
        params.add(size + 1);
        List<VolunteerView> fetched = jdbc
                .sql(SELECT + where + " order by v.id desc limit ?")
                .params(params)
                .query(VolunteerRegister::row)
                .list()
                .stream()
                .map(r -> view(r, false))
                .toList();
        return ListPage.after(fetched, size, v -> Long.toString(v.id()));
    }

    /** One volunteer of the village with their phone, for its staff; the reading is recorded. 404 elsewhere. */
    @Transactional
    VolunteerView open(String villageCode, long id, String by) {
        Row row = row(villageCode, id).orElseThrow(VolunteerRegister::notFound);
        jdbc.sql("insert into volunteer_phone_view (volunteer_id, viewed_by, viewed_at) values (?, ?, ?)")
                .params(id, by, Registrations.utc(EngineClock.now()))
                .update();
        return view(row, true);
    }

    /** 退出: an active volunteer is no longer dispatched orders; their points stay. 409 when already retired. */
    @Transactional
    VolunteerView retire(String villageCode, long id, String by) {
        Row row = row(villageCode, id).orElseThrow(VolunteerRegister::notFound);
        int changed = jdbc.sql("update volunteer set status = ?, retired_by = ?, retired_at = ?"
                        + " where id = ? and status = ?")
                .params(
                        VolunteerStatus.RETIRED.name(),
                        by,
                        Registrations.utc(EngineClock.now()),
                        id,
                        VolunteerStatus.ACTIVE.name())
                .update();
        if (changed == 0 || row.status() != VolunteerStatus.ACTIVE) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "volunteer-retired");
        }
        return view(row(villageCode, id).orElseThrow(), false);
    }

    private Optional<Row> row(String villageCode, long id) {
        return jdbc.sql(SELECT + " where v.village_code = ? and v.id = ?")
                .params(villageCode, id)
                .query(VolunteerRegister::row)
                .optional();
    }

    private VolunteerView view(Row r, boolean withPhone) {
        int star = rules.starOf(r.points());
        return new VolunteerView(
                r.id(),
                r.villageCode(),
                r.name(),
                withPhone ? r.phone() : null,
                withPhone ? r.skills() : Masking.inText(r.skills()),
                withPhone ? r.availability() : Masking.inText(r.availability()),
                r.status().name(),
                r.status().label(),
                r.registeredBy(),
                r.registeredAt(),
                r.retiredBy(),
                r.retiredAt(),
                r.services(),
                MemberView.hours(r.minutes()),
                r.points(),
                star,
                PointsRules.starLabel(star));
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("village_code"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("skills"),
                rs.getString("availability"),
                VolunteerStatus.valueOf(rs.getString("status")),
                rs.getString("registered_by"),
                Registrations.instant(rs, "registered_at"),
                rs.getString("retired_by"),
                Registrations.instant(rs, "retired_at"),
                rs.getLong("services"),
                rs.getLong("minutes"),
                rs.getLong("points"));
    }

    private static ApiProblemException notFound() {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "volunteer-not-found");
    }
}
