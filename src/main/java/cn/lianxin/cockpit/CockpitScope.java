package cn.lianxin.cockpit;

import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may look at which unit's figures, and for which period. Leaders, supervisors and administrators
 * reach the whole county; a town centre its town and the town's villages; a station head their
 * village; a department its own cases. Anyone else, or a unit out of reach, is refused (403).
 */
@Component
class CockpitScope {

    /** The longest period one request may cover, in days between {@code from} and {@code to}. */
    static final long MAX_DAYS = 366;

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * A unit and the cases it stands for: {@code villages} null means every village (the county);
     * {@code dept} set means the cases the department took a part of.
     */
    record Reach(Unit unit, Set<String> villages, String dept) {}

    /** Inclusive Beijing dates, and the instants [start, end) they cover. */
    record Period(LocalDate from, LocalDate to, Instant start, Instant end) {}

    private final Units units;
    private final IdentityService identity;

    CockpitScope(Units units, IdentityService identity) {
        this.units = units;
        this.identity = identity;
    }

    /** The unit asked for (none: the caller's widest), if the caller reaches it. */
    Reach reach(String unitCode) {
        List<Unit> reached = reachedUnits();
        if (reached.isEmpty()) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        if (unitCode == null || unitCode.isBlank()) {
            return of(reached.get(0));
        }
        Unit unit = units.byCode(unitCode.trim())
                .orElseThrow(() -> ApiProblemException.invalid(
                        List.of(new FieldError("unit", "应为县、镇、村（社区）或部门的代码：" + unitCode.trim()))));
        boolean within = reached.stream()
                .anyMatch(top -> top.code().equals(unit.code())
                        || top.kind() == UnitKind.COUNTY
                        || (top.kind() == UnitKind.TOWN
                                && unit.kind() == UnitKind.VILLAGE
                                && top.code().equals(unit.parentCode())));
        if (!within) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        return of(unit);
    }

    /** The town a village belongs to. */
    Optional<String> townOf(String village) {
        return units.byCode(village).map(Unit::parentCode);
    }

    /** The units whose figures a unit's ranking compares: the county's towns and departments, a town's villages. */
    List<Reach> children(Reach parent) {
        List<Reach> children = new ArrayList<>();
        UnitKind parentKind = parent.unit().kind();
        for (UnitKind kind : List.of(UnitKind.TOWN, UnitKind.DEPARTMENT, UnitKind.VILLAGE)) {
            for (Unit unit : units.all()) {
                boolean child =
                        switch (parentKind) {
                            case COUNTY -> unit.kind() == kind && kind != UnitKind.VILLAGE;
                            case TOWN -> unit.kind() == kind
                                    && kind == UnitKind.VILLAGE
                                    && parent.unit().code().equals(unit.parentCode());
                            default -> false;
                        };
                if (child) {
                    children.add(of(unit));
                }
            }
        }
        return children;
    }

    /** {@code from}/{@code to} as ISO dates, inclusive; none: the current month (Beijing time). */
    Period period(String from, String to, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, BEIJING);
        LocalDate start = date("from", from).orElse(today.withDayOfMonth(1));
        LocalDate end = date("to", to).orElse(today.withDayOfMonth(today.lengthOfMonth()));
        if (end.isBefore(start)) {
            throw ApiProblemException.invalid(List.of(new FieldError("to", "结束日期不能早于开始日期 from")));
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw ApiProblemException.invalid(List.of(new FieldError("to", "统计期间最长 " + MAX_DAYS + " 天（from 到 to）")));
        }
        return new Period(
                start,
                end,
                start.atStartOfDay(BEIJING).toInstant(),
                end.plusDays(1).atStartOfDay(BEIJING).toInstant());
    }

    /** The case list's period: none when neither date is given (every case, whenever it came in). */
    Optional<Period> optionalPeriod(String from, String to, Instant now) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return Optional.empty();
        }
        return Optional.of(period(from, to, now));
    }

    private static Optional<LocalDate> date(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ApiProblemException.invalid(
                    List.of(new FieldError(field, "应为 yyyy-MM-dd 格式的日期（北京时间）：" + abbreviated(value))));
        }
    }

    private static String abbreviated(String value) {
        String trimmed = value.trim();
        return trimmed.length() > 20 ? trimmed.substring(0, 20) + "…" : trimmed;
    }

    /**
     * The codes of every unit the caller reaches: the county's every unit, a town centre's town and its
     * villages, a station head's village, a department itself; none for anyone else.
     */
    Set<String> reachableCodes() {
        Set<String> codes = new TreeSet<>();
        for (Unit top : reachedUnits()) {
            codes.add(top.code());
            units.all().stream()
                    .filter(unit -> top.kind() == UnitKind.COUNTY
                            || (top.kind() == UnitKind.TOWN
                                    && unit.kind() == UnitKind.VILLAGE
                                    && top.code().equals(unit.parentCode())))
                    .forEach(unit -> codes.add(unit.code()));
        }
        return codes;
    }

    /** The month {@code yyyy-MM} (none: this month) as a period, refused when it has not begun yet. */
    Period month(String value, Instant now) {
        YearMonth thisMonth = YearMonth.from(now.atZone(BEIJING));
        YearMonth month;
        try {
            month = value == null || value.isBlank() ? thisMonth : YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblemException.invalid(
                    List.of(new FieldError("month", "应为 yyyy-MM 格式的月份（北京时间），如 2026-11：" + abbreviated(value))));
        }
        if (month.isAfter(thisMonth)) {
            throw ApiProblemException.invalid(List.of(new FieldError("month", "月份不能晚于本月（" + thisMonth + "）")));
        }
        return period(month.atDay(1).toString(), month.atEndOfMonth().toString(), now);
    }

    /** A unit and the cases it stands for, whoever asks (the monthly filing has no caller). */
    Reach of(Unit unit) {
        return switch (unit.kind()) {
            case COUNTY -> new Reach(unit, null, null);
            case TOWN -> new Reach(unit, villagesOf(unit.code()), null);
            case VILLAGE -> new Reach(unit, Set.of(unit.code()), null);
            case DEPARTMENT -> new Reach(unit, null, unit.code());
        };
    }

    private Set<String> villagesOf(String town) {
        Set<String> villages = new TreeSet<>();
        units.all().stream()
                .filter(u -> u.kind() == UnitKind.VILLAGE && town.equals(u.parentCode()))
                .forEach(u -> villages.add(u.code()));
        return villages;
    }

    /** The caller's units, widest first: the county, then towns, villages and departments. */
    private List<Unit> reachedUnits() {
        Collection<String> groups =
                CurrentUser.of(identity).map(CurrentUser::groupIds).orElse(List.of());
        List<Unit> reached = new ArrayList<>();
        for (String group : groups) {
            Role role = Role.ofGroup(group).orElse(null);
            if (role == Role.LEADER || role == Role.SUPERVISOR || role == Role.ADMIN) {
                units.all().stream()
                        .filter(u -> u.kind() == UnitKind.COUNTY)
                        .findFirst()
                        .ifPresent(reached::add);
            } else if (role == Role.TOWN_CENTER || role == Role.STATION_HEAD || role == Role.DEPT) {
                Role.unitCodeOf(group).flatMap(units::byCode).ifPresent(reached::add);
            }
        }
        reached.sort((a, b) -> Integer.compare(width(a.kind()), width(b.kind())));
        return reached;
    }

    private static int width(UnitKind kind) {
        return switch (kind) {
            case COUNTY -> 0;
            case TOWN -> 1;
            case VILLAGE -> 2;
            case DEPARTMENT -> 3;
        };
    }
}
