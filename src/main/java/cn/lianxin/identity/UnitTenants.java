package cn.lianxin.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The engine's tenants are the villages: every case, topic and supervision belongs to the village it
 * was registered in (its {@code villageCode}), and a user reads the work of the villages their groups
 * reach. The engine compares a task's tenant with the user's through an index, so what a cadre may
 * read costs the same however many tasks the county has open — unlike one authorization row per task,
 * which the engine joins to every task it looks at.
 *
 * <p>Which villages: a village role's own village; a town centre's villages; every village for
 * departments (they still read and work only the tasks given to them: those carry their own grant),
 * supervisors, leaders and administrators; none for designers and operations.
 */
@Component
public class UnitTenants {

    /**
     * The tenant of an instance that names no village (a model that is not a village's: Camunda's
     * check would let everyone read an instance without a tenant). Only county-wide readers have it.
     */
    public static final String COUNTY = "county";

    /** Roles that read every task and case of the villages they reach (and work only their own). */
    static final Set<Role> READ_BY_UNIT =
            Set.of(Role.GRID_WORKER, Role.STATION_HEAD, Role.DELIBERATION_HOST, Role.TOWN_CENTER);

    /** For the one class Camunda instantiates by name (its REST API's authentication provider). */
    private static volatile UnitTenants instance;

    private final Units units;

    UnitTenants(Units units) {
        this.units = units;
        instance = this;
    }

    /**
     * {@link #of} for code that Camunda creates itself, outside Spring (the authentication provider of
     * its REST API, named by class in a filter's parameters).
     */
    public static List<String> ofGroups(Collection<String> groupIds) {
        UnitTenants tenants = instance;
        if (tenants == null) {
            throw new IllegalStateException("the unit tenants are not ready yet");
        }
        return tenants.of(groupIds);
    }

    /** The tenant ids (village codes) of a user in these groups, sorted. */
    public List<String> of(Collection<String> groupIds) {
        Set<String> tenants = new TreeSet<>();
        boolean county = groupIds.stream()
                .map(Role::ofGroup)
                .flatMap(java.util.Optional::stream)
                .anyMatch(role ->
                        role == Role.DEPT || role == Role.SUPERVISOR || role == Role.LEADER || role == Role.ADMIN);
        if (county) {
            tenants.add(COUNTY);
            units.all().stream()
                    .filter(unit -> unit.kind() == UnitKind.VILLAGE)
                    .forEach(unit -> tenants.add(unit.code()));
            return List.copyOf(tenants);
        }
        Set<String> villages = units.villagesVisibleTo(groupIds);
        if (villages != null) {
            tenants.addAll(villages);
        }
        return List.copyOf(tenants);
    }

    /**
     * Whether the engine's grant on a single task for this group should let it work the task only:
     * its role reads the village's tasks through its tenants (and a grant on every task), so a
     * per-task READ would only make every task query slower.
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
