package cn.lianxin.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * What each role may do in Camunda, as authorizations granted to its groups. The matrix is
 * documented in docs/identity.md; the tests follow it.
 *
 * <p>Who reads which tasks: the village roles, town centres and departments read every task of the
 * tenants they reach — the engine's tenants ({@link UnitTenants}), a grant here on every task; a
 * department's tenants hold only the tasks given to it — and the engine grants a task's candidate
 * group the right to work it when the task is created (only that, for those roles: {@code
 * UnitAccessEnginePlugin}). Supervisors read and work the tasks given to them (the engine's grant on
 * each task); leaders and supervisors read everything.
 */
@Component
class AccessPolicy {

    /** One authorization: permissions on a resource (id or {@code *}). */
    public record Grant(Resource resource, String resourceId, List<Permission> permissions) {
        static Grant of(Resource resource, String resourceId, Permission... permissions) {
            return new Grant(resource, resourceId, List.of(permissions));
        }
    }

    static final String APPEAL_PROCESS = "appeal";
    static final String DELIBERATION_PROCESS = "deliberation";
    static final String SERVICE_ORDER_PROCESS = "service-order";

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final UnitTenants tenants;

    AccessPolicy(AuthorizationService authorizations, IdentityService identity, UnitTenants tenants) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.tenants = tenants;
    }

    /** The grants of a role, the same for each of its groups. */
    public List<Grant> grantsOf(Role role) {
        if (role == Role.ADMIN) {
            return Arrays.stream(Resources.values())
                    .map(resource -> Grant.of(resource, "*", Permissions.ALL))
                    .toList();
        }
        if (role == Role.OPERATIONS) {
            // operations read the platform's metrics (WebSecurity), nothing of the engine's
            return List.of();
        }
        List<Grant> grants = new ArrayList<>(everyone());
        if (UnitTenants.READ_BY_UNIT.contains(role)) {
            grants.addAll(readsItsVillages());
        }
        switch (role) {
            case GRID_WORKER, STATION_HEAD -> grants.addAll(starts(APPEAL_PROCESS));
            case DELIBERATION_HOST -> grants.addAll(starts(DELIBERATION_PROCESS));
            case BRANCH_SECRETARY -> grants.addAll(followsServiceOrders());
                // supervision is opened by the platform (red light, 批示), never started by a person
            case LEADER, SUPERVISOR -> grants.addAll(readsEverything());
            case PROCESS_DESIGNER -> grants.addAll(designs());
            default -> {}
        }
        return grants;
    }

    /**
     * Makes the group's authorizations exactly the role's grants; safe to repeat. A grant the role
     * no longer has (from an earlier version of this policy, or added by hand) is removed — except
     * the engine's own grants on single tasks, which it gives a task's candidate groups.
     */
    public void apply(Role role, String groupId) {
        applyTenants(groupId);
        List<Grant> grants = grantsOf(role);
        for (Authorization existing : authorizations
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .list()) {
            boolean kept = grants.stream()
                    .anyMatch(g -> g.resource().resourceType() == existing.getResourceType()
                            && g.resourceId().equals(existing.getResourceId()));
            boolean engineTaskGrant = !"*".equals(existing.getResourceId())
                    && (existing.getResourceType() == Resources.TASK.resourceType()
                            || existing.getResourceType() == Resources.HISTORIC_TASK.resourceType());
            if (!kept && !engineTaskGrant) {
                authorizations.deleteAuthorization(existing.getId());
            }
        }
        for (Grant grant : grants) {
            Authorization authorization = authorizations
                    .createAuthorizationQuery()
                    .authorizationType(AUTH_TYPE_GRANT)
                    .groupIdIn(groupId)
                    .resourceType(grant.resource())
                    .resourceId(grant.resourceId())
                    .singleResult();
            if (authorization == null) {
                authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                authorization.setGroupId(groupId);
                authorization.setResource(grant.resource());
                authorization.setResourceId(grant.resourceId());
            }
            authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
            authorizations.saveAuthorization(authorization);
        }
    }

    /**
     * Every task of the tenants the group reaches, limited by the engine's tenant check: the
     * station's own cases (which it follows through the town and the departments anyway), a town
     * centre's villages, a department's own work. Working a task still takes the grant on that task.
     */
    private static List<Grant> readsItsVillages() {
        return List.of(
                Grant.of(Resources.TASK, "*", TaskPermissions.READ),
                Grant.of(Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ));
    }

    /**
     * Makes the group a member of exactly the tenants (places, departments' work) its role reaches, so that Camunda's
     * own sign-in (the webapps' login page) finds them; with Keycloak the identity is read-only and
     * the platform gives every signed-in user their tenants itself.
     */
    private void applyTenants(String groupId) {
        if (identity.isReadOnly()) {
            return;
        }
        List<String> wanted = tenants.of(List.of(groupId));
        List<String> current = identity.createTenantQuery().groupMember(groupId).list().stream()
                .map(Tenant::getId)
                .toList();
        for (String village : wanted) {
            if (current.contains(village)) {
                continue;
            }
            if (identity.createTenantQuery().tenantId(village).count() == 0) {
                Tenant tenant = identity.newTenant(village);
                tenant.setName(tenants.nameOf(village));
                identity.saveTenant(tenant);
            }
            identity.createTenantGroupMembership(village, groupId);
        }
        current.stream()
                .filter(village -> !wanted.contains(village))
                .forEach(village -> identity.deleteTenantGroupMembership(village, groupId));
    }

    /** Every platform user works in Tasklist and sees who is who. */
    private static List<Grant> everyone() {
        return List.of(
                Grant.of(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                Grant.of(Resources.USER, "*", Permissions.READ),
                Grant.of(Resources.GROUP, "*", Permissions.READ),
                Grant.of(Resources.FILTER, "*", Permissions.READ),
                Grant.of(Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ));
    }

    private static List<Grant> starts(String processKey) {
        return List.of(
                Grant.of(
                        Resources.PROCESS_DEFINITION,
                        processKey,
                        ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE),
                Grant.of(Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
    }

    /**
     * A branch secretary follows every step of the village's service orders (派单, and the members'
     * 接单 and 服务): READ_TASK on that one model, limited by the engine's tenant check to the village —
     * never the village's appeal or deliberation tasks. Orders are started by the platform, not in Tasklist.
     */
    private static List<Grant> followsServiceOrders() {
        return List.of(Grant.of(
                Resources.PROCESS_DEFINITION,
                SERVICE_ORDER_PROCESS,
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY));
    }

    /** Leaders and supervisors watch every case in Cockpit; they change nothing there. */
    private static List<Grant> readsEverything() {
        return List.of(
                Grant.of(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
                Grant.of(
                        Resources.PROCESS_DEFINITION,
                        "*",
                        ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK),
                Grant.of(Resources.PROCESS_INSTANCE, "*", Permissions.READ),
                Grant.of(Resources.TASK, "*", TaskPermissions.READ),
                Grant.of(Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ),
                Grant.of(Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ),
                Grant.of(Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY),
                Grant.of(Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ),
                Grant.of(Resources.DEPLOYMENT, "*", Permissions.READ));
    }

    /**
     * Process designers deploy from Camunda Modeler and read what is deployed — models, not cases:
     * no instance, history or variable of any case, and no deleting a deployment (which would take
     * its running cases with it).
     */
    private static List<Grant> designs() {
        return List.of(
                Grant.of(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
                Grant.of(Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ),
                Grant.of(Resources.DECISION_DEFINITION, "*", Permissions.READ),
                Grant.of(Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));
    }
}
