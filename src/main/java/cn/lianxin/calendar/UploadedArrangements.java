package cn.lianxin.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The arrangements administrators uploaded, and the audit trail of every upload. */
@Repository
class UploadedArrangements {

    /** Who uploaded a year's arrangement and when. */
    record Upload(int year, String uploadedBy, Instant uploadedAt, List<String> papers) {}

    private final JdbcClient jdbc;

    UploadedArrangements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<YearArrangement> find(int year) {
        if (upload(year).isEmpty()) {
            return Optional.empty();
        }
        List<SpecialDay> days = jdbc.sql(
                        "select on_date, name, off_day from holiday_day where year_no = ? order by on_date")
                .param(year)
                .query((rs, i) -> new SpecialDay(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3)))
                .list();
        return Optional.of(YearArrangement.of(year, ArrangementSource.UPLOADED, days));
    }

    Optional<Upload> upload(int year) {
        return jdbc.sql("select year_no, uploaded_by, uploaded_at, papers from holiday_year where year_no = ?")
                .param(year)
                .query((rs, i) -> new Upload(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        papers(rs.getString(4))))
                .optional();
    }

    List<Integer> years() {
        return jdbc.sql("select year_no from holiday_year order by year_no")
                .query(Integer.class)
                .list();
    }

    /** Replaces the year's arrangement as a whole and records who did it. */
    @Transactional
    void replace(int year, List<SpecialDay> days, List<String> papers, String actor, Instant at) {
        boolean replaced = upload(year).isPresent();
        jdbc.sql("delete from holiday_day where year_no = ?").param(year).update();
        jdbc.sql("delete from holiday_year where year_no = ?").param(year).update();
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into holiday_year (year_no, papers, uploaded_by, uploaded_at) values (?, ?, ?, ?)")
                .params(year, String.join("\n", papers), actor, when)
                .update();
        for (SpecialDay day : days) {
            jdbc.sql("insert into holiday_day (on_date, year_no, name, off_day) values (?, ?, ?, ?)")
                    .params(day.date(), year, day.name(), day.offDay())
                    .update();
        }
        jdbc.sql("insert into holiday_audit (year_no, actor, acted_at, special_days, replaced) values (?, ?, ?, ?, ?)")
                .params(year, actor, when, days.size(), replaced)
                .update();
    }

    private static List<String> papers(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split("\n"));
    }
}
