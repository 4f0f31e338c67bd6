package cn.lianxin.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The engine's tenants are places and the departments' work in them. Every case, topic and
 * supervision belongs to the village it was registered in (its {@code villageCode}) or to the county;
 * a task given to a department belongs to that department's work in the case's place, the tenant
 * {@code <department>-<place>} ({@code jt-v0101}), so that a department reads its own tasks through
 * one grant and the tenant check like every unit. The engine compares a task's tenant with the
 * user's through an index, so what a cadre may read costs the same however many tasks the county has
 * open — unlike one authorization row per task, which the engine joins to every task it looks at.
 *
 * <p>Which tenants: a village role's own village; a town centre's villages; every place for
 * supervisors, leaders and administrators; with each place the departments' work in it (the station
 * follows its cases all the way); a department its own work in every place and nothing else; none for
 * designers and operations.
 */
@Component
public class UnitTenants {

    /**
     * The tenant of an instance that names no village (a model that is not a village's: Camunda's
     * check would let everyone read an instance without a tenant). Only county-wide readers have it.
     */
    public static final String COUNTY = "county";

    /**
     * Roles that read every task of the tenants they reach (and work only their own): the villages'
     * and towns' roles, and the departments, whose tenants hold only the tasks given to them.
     */
    static final Set<Role> READ_BY_UNIT =
            Set.of(Role.GRID_WORKER, Role.STATION_HEAD, Role.DELIBERATION_HOST, Role.TOWN_CENTER, Role.DEPT);

    private final Units units;

    UnitTenants(Units units) {
        this.units = units;
    }

    /** The tenant ids of a user in these groups (places and departments' work in them), sorted. */
    public List<String> of(Collection<String> groupIds) {
        boolean county = groupIds.stream()
                .map(Role::ofGroup)
                .flatMap(Optional::stream)
                .anyMatch(role -> role == Role.SUPERVISOR || role == Role.LEADER || role == Role.ADMIN);
        List<String> everyPlace = null;
        Set<String> places = new TreeSet<>();
        if (county) {
            everyPlace = places();
            places.addAll(everyPlace);
        } else {
            Set<String> villages = units.villagesVisibleTo(groupIds);
            if (villages != null) {
                places.addAll(villages);
            }
        }
        List<String> departments = departments();
        Set<String> tenants = new TreeSet<>(places);
        for (String place : places) {
            departments.forEach(department -> tenants.add(departmentWork(department, place)));
        }
        for (String group : groupIds) {
            if (Role.ofGroup(group).filter(role -> role == Role.DEPT).isEmpty()) {
                continue;
            }
            String department = Role.unitCodeOf(group).orElseThrow();
            everyPlace = everyPlace == null ? places() : everyPlace;
            everyPlace.forEach(place -> tenants.add(departmentWork(department, place)));
        }
        return List.copyOf(tenants);
    }

    /**
     * The tenant of a task given to a department in a case of this place (a village or the county):
     * {@code <department>-<place>}. Unit codes hold no {@code -}.
     */
    static String departmentWork(String department, String place) {
        return department + "-" + (place == null ? COUNTY : place);
    }

    /** Whether a tenant is a department's work (and not a place). */
    static boolean isDepartmentWork(String tenantId) {
        return tenantId != null && tenantId.indexOf('-') > 0;
    }

    /**
     * The place (village or county) of a task's or case's tenant: the tenant itself, or the place of a
     * department's work; empty for none.
     */
    public static Optional<String> placeOf(String tenantId) {
        if (tenantId == null) {
            return Optional.empty();
        }
        int dash = tenantId.indexOf('-');
        return Optional.of(dash > 0 ? tenantId.substring(dash + 1) : tenantId);
    }

    /** The tenant's name for people: the village's, or the department's and the place's. */
    String nameOf(String tenantId) {
        int dash = tenantId.indexOf('-');
        if (dash < 0) {
            return units.byCode(tenantId).map(Unit::name).orElse(tenantId);
        }
        String department = tenantId.substring(0, dash);
        String place = tenantId.substring(dash + 1);
        return units.byCode(department).map(Unit::name).orElse(department) + "·"
                + units.byCode(place).map(Unit::name).orElse(place.equals(COUNTY) ? "县级" : place);
    }

    /** The county and every village. */
    private List<String> places() {
        List<String> places = new ArrayList<>();
        places.add(COUNTY);
        units.all().stream().filter(unit -> unit.kind() == UnitKind.VILLAGE).forEach(unit -> places.add(unit.code()));
        return places;
    }

    private List<String> departments() {
        return units.all().stream()
                .filter(unit -> unit.kind() == UnitKind.DEPARTMENT)
                .map(Unit::code)
                .toList();
    }

    /**
     * Whether the engine's grant on a single task for this group should let it work the task only:
     * its role reads the tasks of its tenants (a grant on every task), so a per-task READ would only
     * make every task query slower. A department's group reads so only the tasks moved into its
     * tenant when they were created ({@code UnitAccessEnginePlugin}).
     */
    static boolean readsByUnit(String groupId) {
        return Role.ofGroup(groupId).filter(READ_BY_UNIT::contains).isPresent();
    }

    /** Who registers an appeal in Tasklist: the village's grid workers and station head. */
    public static final Set<Role> APPEAL_REGISTRARS = Set.of(Role.GRID_WORKER, Role.STATION_HEAD);

    /** Who starts a deliberation topic in Tasklist: the village's deliberation host. */
    public static final Set<Role> TOPIC_HOSTS = Set.of(Role.DELIBERATION_HOST);

    /**
     * The village of a case or topic a user in these groups registers in Tasklist: the one village of
     * their groups of these roles; none if zero or several (which village would it be?). The register
     * steps and the engine's tenant of the new instance both follow this one rule.
     */
    public static Optional<String> registeringVillage(Collection<String> groupIds, Set<Role> roles) {
        Set<String> villages = new TreeSet<>();
        for (String group : groupIds) {
            Role.ofGroup(group)
                    .filter(roles::contains)
                    .flatMap(role -> Role.unitCodeOf(group))
                    .ifPresent(villages::add);
        }
        return villages.size() == 1 ? Optional.of(villages.iterator().next()) : Optional.empty();
    }
}
