package cn.lianxin.cockpit;

import cn.lianxin.appeal.AppealStatus;
import cn.lianxin.appeal.CasesAtStep;
import cn.lianxin.appeal.Category;
import cn.lianxin.appeal.Path;
import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.system.ListPage;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The cases behind a figure, newest first (by intake, then number), a page at a time going on after
 * the case {@code before}: two statements whatever the size or depth. No personal data is listed; one
 * case's timeline is {@code GET /api/cases/{trackingNo}}.
 */
@Service
class CockpitCases {

    /** The narrower lists some figures link to, beyond light, path, category and status. */
    enum Mark {
        EVALUATED("f.satisfaction is not null"),
        REOPENED("f.reopen_count > 0"),
        SUPERVISED("f.supervised");

        private final String condition;

        Mark(String condition) {
            this.condition = condition;
        }
    }

    /** The filters of the list; {@code null}: any. */
    record Filters(String light, String path, String category, String status, String mark) {}

    private final JdbcClient jdbc;
    private final Units units;

    CockpitCases(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    ListPage<CasesAtStep.Item> list(
            CockpitScope.Reach reach, CockpitScope.Period period, Filters filters, String before, int size) {
        FactFilter filter = FactFilter.of(reach, period);
        TrafficLight light = known("light", filters.light(), TrafficLight.class, "应为 GREEN、YELLOW 或 RED");
        if (light != null) {
            filter = filter.and("f.light = :light", "light", light.name());
        }
        Path path = known("path", filters.path(), Path.class, "应为 IMMEDIATE、PROMISED、ESCALATE、RETURN 或 JOINT");
        if (path != null) {
            filter = filter.and("f.path = :path", "path", path.name());
        }
        if (filters.category() != null) {
            Category category = Category.ofCode(filters.category().trim())
                    .orElseThrow(() -> ApiProblemException.invalid(
                            List.of(new FieldError("category", "应为已知的诉求类别代码，如 sanitation"))));
            filter = filter.and("f.category = :category", "category", category.code());
        }
        AppealStatus status =
                known("status", filters.status(), AppealStatus.class, "应为 OPEN、CLOSED、RETURNED 或 WITHDRAWN");
        if (status != null) {
            filter = filter.and("f.status = :status", "status", status.name());
        }
        Mark mark = known("mark", filters.mark(), Mark.class, "应为 EVALUATED、REOPENED 或 SUPERVISED");
        if (mark != null) {
            filter = filter.and(mark.condition, null, null);
        }
        if (before != null) {
            OffsetDateTime receivedAt = positionOf(reach, before)
                    .orElseThrow(
                            () -> ApiProblemException.invalid(List.of(new FieldError("before", "应为上一页 next 给出的受理编号"))));
            filter = filter.and("(f.received_at, f.tracking_no) < (:afterAt, :afterNo)", "afterAt", receivedAt)
                    .with("afterNo", before);
        }
        List<CasesAtStep.Item> rows = jdbc.sql(
                        "select f.tracking_no, f.category, f.village_code, f.path, f.status, f.light,"
                                + " f.received_at" + filter.sql()
                                + " order by f.received_at desc, f.tracking_no desc limit :limit")
                .params(filter.with("limit", size + 1).params())
                .query((rs, i) -> CasesAtStep.Item.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(),
                        units))
                .list();
        return ListPage.after(rows, size, CasesAtStep.Item::trackingNo);
    }

    /** Where a case of the unit stands in the newest-first order; a case outside the unit is not found. */
    private Optional<OffsetDateTime> positionOf(CockpitScope.Reach reach, String trackingNo) {
        if (trackingNo.length() > 32) {
            return Optional.empty();
        }
        FactFilter filter = FactFilter.of(reach, null).and("f.tracking_no = :before", "before", trackingNo);
        return jdbc.sql("select f.received_at" + filter.sql())
                .params(filter.params())
                .query(OffsetDateTime.class)
                .optional();
    }

    private static <E extends Enum<E>> E known(String field, String value, Class<E> type, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(value.trim()))
                .findFirst()
                .orElseThrow(() -> ApiProblemException.invalid(List.of(new FieldError(field, message))));
    }
}
