package cn.lianxin.cockpit;

import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Which open tasks a diagram counts: those of one unit the caller reaches. Leaders, supervisors and
 * administrators reach the whole county; a town centre its town and the town's villages; a station
 * head their village; a department only itself. The tasks of a county, town or village are those of
 * its villages (the engine's tenants); a department's are those given to its group.
 *
 * @param villages the villages whose tasks count, {@code null} for every task of the county
 * @param group the candidate group whose tasks count (a department's), else {@code null}
 */
record DiagramScope(Unit unit, Set<String> villages, String group) {

    /** The unit asked for ({@code null}: the caller's widest), if the caller reaches it. */
    static DiagramScope of(String unitCode, Collection<String> groupIds, Units units) {
        List<String> groups = List.copyOf(groupIds);
        if (unitCode == null || unitCode.isBlank()) {
            return of(widest(groups, units), groups, units);
        }
        Unit unit = units.byCode(unitCode.trim())
                .orElseThrow(() -> ApiProblemException.invalid(
                        List.of(new ApiProblemException.FieldError("unit", "应为已有单位的编码，如 c01、t01、v0101、cg"))));
        if (!reaches(groups, unit)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        return switch (unit.kind()) {
            case COUNTY -> new DiagramScope(unit, null, null);
            case TOWN -> new DiagramScope(unit, villagesOf(unit, units), null);
            case VILLAGE -> new DiagramScope(unit, Set.of(unit.code()), null);
            case DEPARTMENT -> new DiagramScope(unit, null, Role.DEPT.id() + "-" + unit.code());
        };
    }

    private static String widest(List<String> groups, Units units) {
        if (groups.stream().map(Role::ofGroup).flatMap(Optional::stream).anyMatch(DiagramScope::countyWide)) {
            return units.all().stream()
                    .filter(unit -> unit.kind() == UnitKind.COUNTY)
                    .map(Unit::code)
                    .findFirst()
                    .orElseThrow();
        }
        for (Role role : List.of(Role.TOWN_CENTER, Role.STATION_HEAD, Role.DEPT)) {
            Optional<String> own = groups.stream()
                    .filter(group -> Role.ofGroup(group).filter(role::equals).isPresent())
                    .map(Role::unitCodeOf)
                    .flatMap(Optional::stream)
                    .sorted()
                    .findFirst();
            if (own.isPresent()) {
                return own.get();
            }
        }
        throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
    }

    private static boolean reaches(List<String> groups, Unit unit) {
        for (String group : groups) {
            Role role = Role.ofGroup(group).orElse(null);
            if (role == null) {
                continue;
            }
            if (countyWide(role)) {
                return true;
            }
            String own = Role.unitCodeOf(group).orElse(null);
            boolean reached =
                    switch (role) {
                        case TOWN_CENTER -> unit.code().equals(own)
                                || (unit.kind() == UnitKind.VILLAGE && own != null && own.equals(unit.parentCode()));
                        case STATION_HEAD -> unit.kind() == UnitKind.VILLAGE
                                && unit.code().equals(own);
                        case DEPT -> unit.kind() == UnitKind.DEPARTMENT
                                && unit.code().equals(own);
                        default -> false;
                    };
            if (reached) {
                return true;
            }
        }
        return false;
    }

    private static boolean countyWide(Role role) {
        return role == Role.LEADER || role == Role.SUPERVISOR || role == Role.ADMIN;
    }

    private static Set<String> villagesOf(Unit town, Units units) {
        return units.all().stream()
                .filter(unit -> unit.kind() == UnitKind.VILLAGE && town.code().equals(unit.parentCode()))
                .map(Unit::code)
                .collect(Collectors.toUnmodifiableSet());
    }
}
