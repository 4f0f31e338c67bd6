package cn.lianxin.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of DESIGN §2. A unit-scoped role becomes one Camunda group per unit of its kind
 * ({@code grid-worker-v0101}); a county role is one group named after the role
 * ({@code supervisor}). These group ids are identical in the embedded mode and in Keycloak.
 */
public enum Role {
    GRID_WORKER("grid-worker", "网格员", UnitKind.VILLAGE),
    STATION_HEAD("station-head", "站长", UnitKind.VILLAGE),
    DELIBERATION_HOST("deliberation-host", "议事召集人", UnitKind.VILLAGE),
    DELIBERATION_REP("deliberation-rep", "议事代表", UnitKind.VILLAGE),
    /** 支部书记: the village's party branch secretary, who dispatches service orders (群众点单). */
    BRANCH_SECRETARY("branch-secretary", "支部书记", UnitKind.VILLAGE),
    /** 党员: an in-service party member registered at the community where they live; takes and serves orders. */
    PARTY_MEMBER("party-member", "党员", UnitKind.VILLAGE),
    TOWN_CENTER("town-center", "便民服务中心", UnitKind.TOWN),
    DEPT("dept", "部门办理人", UnitKind.DEPARTMENT),
    SUPERVISOR("supervisor", "督办员", null),
    LEADER("leader", "领导", null),
    PROCESS_DESIGNER("process-designer", "流程设计员", null),
    /** 运维: runs the platform and reads its metrics ({@code /actuator/prometheus}); no case data. */
    OPERATIONS("operations", "运维", null),
    /** Camunda's own administrators group: every permission on every resource. */
    ADMIN("camunda-admin", "系统管理员", null);

    private final String id;
    private final String label;
    private final UnitKind scope;

    Role(String id, String label, UnitKind scope) {
        this.id = id;
        this.label = label;
        this.scope = scope;
    }

    public String id() {
        return id;
    }

    /** Chinese name of the role, as people read it. */
    public String label() {
        return label;
    }

    /** The kind of unit this role works in, or {@code null} for a county-wide role. */
    public UnitKind scope() {
        return scope;
    }

    /**
     * Whether the role handles citizens' cases in its unit: not the residents who vote on topics, nor
     * the party branch's roles, who serve orders (群众点单) and follow no case.
     */
    public boolean handlesCases() {
        return this != DELIBERATION_REP && this != BRANCH_SECRETARY && this != PARTY_MEMBER;
    }

    public boolean isUnitScoped() {
        return scope != null;
    }

    /** The Camunda group of this role in a unit, e.g. {@code grid-worker-v0101}. */
    public String groupId(Unit unit) {
        if (!isUnitScoped() || unit.kind() != scope) {
            throw new IllegalArgumentException(id + " is not a role of a " + unit.kind() + " unit");
        }
        return groupIdIn(unit.code());
    }

    /** The Camunda group of this unit-scoped role in the unit with this code. */
    public String groupIdIn(String unitCode) {
        if (!isUnitScoped()) {
            throw new IllegalStateException(id + " is not scoped to a unit");
        }
        return id + "-" + unitCode;
    }

    /** The unit a unit-scoped role's group belongs to: {@code grid-worker-v0101} → {@code v0101}. */
    public static Optional<String> unitCodeOf(String groupId) {
        return ofGroup(groupId).filter(Role::isUnitScoped).map(role -> groupId.substring(role.id.length() + 1));
    }

    /** The Camunda group of a county-wide role, e.g. {@code leader}. */
    public String groupId() {
        if (isUnitScoped()) {
            throw new IllegalStateException(id + " is scoped to a unit");
        }
        return id;
    }

    /** The role a group id belongs to, when it follows the naming of DESIGN §2. */
    public static Optional<Role> ofGroup(String groupId) {
        return Arrays.stream(values())
                .filter(role -> role.isUnitScoped() ? groupId.startsWith(role.id + "-") : groupId.equals(role.id))
                // "dept-" must not swallow a longer role id; the longest matching id wins
                .max((a, b) -> Integer.compare(a.id.length(), b.id.length()));
    }
}
