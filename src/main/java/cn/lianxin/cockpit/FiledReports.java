package cn.lianxin.cockpit;

import cn.lianxin.system.ListPage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The monthly reports filed for download ({@code monthly_report}): one file per unit, month and format. */
@Repository
class FiledReports {

    /** A filed report without its content. */
    record Filed(long id, String unitCode, YearMonth month, ReportFormat format, long bytes, Instant createdAt) {}

    private static final String COLUMNS =
            "select id, unit_code, report_month, format, octet_length(content), created_at from monthly_report";

    private static final RowMapper<Filed> FILED = (rs, i) -> new Filed(
            rs.getLong(1),
            rs.getString(2),
            YearMonth.parse(rs.getString(3)),
            ReportFormat.valueOf(rs.getString(4)),
            rs.getLong(5),
            rs.getObject(6, OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    FiledReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String unitCode, YearMonth month, ReportFormat format) {
        return jdbc.sql("select count(*) from monthly_report where unit_code = :unit and report_month = :month"
                                + " and format = :format")
                        .param("unit", unitCode)
                        .param("month", month.toString())
                        .param("format", format.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Files the report; {@code false} when it was filed already (by another node, say) and nothing changed. */
    boolean file(String unitCode, YearMonth month, ReportFormat format, byte[] content, Instant now) {
        try {
            jdbc.sql("insert into monthly_report (unit_code, report_month, format, content, created_at)"
                            + " values (:unit, :month, :format, :content, :at)")
                    .param("unit", unitCode)
                    .param("month", month.toString())
                    .param("format", format.name())
                    .param("content", content)
                    .param("at", now.atOffset(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The reports of these units, newest month first (then unit, format), a numbered page at a time. */
    ListPage<Filed> of(Collection<String> unitCodes, ListPage.Numbered page) {
        if (unitCodes.isEmpty()) {
            return ListPage.of(List.of(), page);
        }
        List<Filed> rows = jdbc.sql(COLUMNS + " where unit_code in (:units)"
                        + " order by report_month desc, unit_code, format, id limit :limit offset :offset")
                .param("units", unitCodes)
                .param("limit", page.fetch())
                .param("offset", page.offset())
                .query(FILED)
                .list();
        return ListPage.of(rows, page);
    }

    Optional<Filed> byId(long id) {
        return jdbc.sql(COLUMNS + " where id = :id")
                .param("id", id)
                .query(FILED)
                .optional();
    }

    byte[] content(long id) {
        return jdbc.sql("select content from monthly_report where id = :id")
                .param("id", id)
                .query((rs, i) -> rs.getBytes(1))
                .single();
    }
}
