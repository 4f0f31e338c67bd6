package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import cn.lianxin.identity.AccessPolicy.Grant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The role × permission matrix of docs/identity.md, rule by rule. */
class AccessPolicyTests {

    private final AccessPolicy policy = new AccessPolicy(
            mock(AuthorizationService.class),
            mock(org.camunda.bpm.engine.IdentityService.class),
            mock(UnitTenants.class));

    @Test
    void onlyProcessDesignersAndAdministratorsDeploy() {
        for (Role role : Role.values()) {
            boolean deploys = has(role, Resources.DEPLOYMENT, Permissions.CREATE)
                    || has(role, Resources.DEPLOYMENT, Permissions.ALL);
            assertThat(deploys).as(role.id()).isEqualTo(role == Role.PROCESS_DESIGNER || role == Role.ADMIN);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void noRoleButAdministratorsChangesOrDeletesAnything(Role role) {
        for (Grant grant : policy.grantsOf(role)) {
            assertThat(grant.permissions())
                    .extracting(Permission::getName)
                    .as("%s on %s", role.id(), grant.resource().resourceName())
                    .doesNotContain("ALL", "UPDATE", "DELETE", "TASK_WORK", "TASK_ASSIGN", "UPDATE_VARIABLE");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void nobodyStartsASupervisionInTheEngine(Role role) {
        assertThat(grantOn(role, Resources.PROCESS_DEFINITION, "supervision")).isEmpty();
        assertThat(grantOn(role, Resources.PROCESS_DEFINITION, "*"))
                .flatExtracting(Grant::permissions)
                .extracting(Permission::getName)
                .doesNotContain("CREATE_INSTANCE");
    }

    @Test
    void designersReadModelsNotCases() {
        assertThat(policy.grantsOf(Role.PROCESS_DESIGNER))
                .extracting(Grant::resource)
                .doesNotContain(
                        Resources.PROCESS_INSTANCE,
                        Resources.HISTORIC_PROCESS_INSTANCE,
                        Resources.TASK,
                        Resources.HISTORIC_TASK);
        assertThat(grantsOn(Role.PROCESS_DESIGNER, Resources.PROCESS_DEFINITION))
                .flatExtracting(Grant::permissions)
                .extracting(Permission::getName)
                .containsOnly("READ");
    }

    @Test
    void leadersReadEveryCaseAndTask() {
        assertThat(has(Role.LEADER, Resources.TASK, Permissions.READ)).isTrue();
        assertThat(has(Role.LEADER, Resources.PROCESS_INSTANCE, Permissions.READ))
                .isTrue();
        assertThat(grantOn(Role.LEADER, Resources.APPLICATION, "cockpit")).isNotEmpty();
    }

    @Test
    void unitRolesReadTheTasksOfTheirTenantsAndWorkOnlyTheirOwn() {
        for (Role role :
                List.of(Role.GRID_WORKER, Role.STATION_HEAD, Role.DELIBERATION_HOST, Role.TOWN_CENTER, Role.DEPT)) {
            // read: every task, limited to their villages (a department: its own work) by the engine's tenant check
            assertThat(grantsOn(role, Resources.TASK)).singleElement().satisfies(grant -> {
                assertThat(grant.resourceId()).isEqualTo("*");
                assertThat(grant.permissions()).extracting(Permission::getName).containsExactly("READ");
            });
            // work: nothing here; the engine grants it on each task to the task's candidate group
            assertThat(has(role, Resources.TASK, org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK))
                    .isFalse();
        }
        // representatives read only the tasks given to them: no grant on every task
        assertThat(grantsOn(Role.DELIBERATION_REP, Resources.TASK)).isEmpty();
    }

    @Test
    void branchSecretariesReadTheServiceOrdersTasksOnlyAndPartyMembersNothingOfTheirOwn() {
        // the secretary: every task of the one model, limited to the village by the tenant check
        assertThat(grantsOn(Role.BRANCH_SECRETARY, Resources.TASK)).isEmpty();
        assertThat(grantOn(Role.BRANCH_SECRETARY, Resources.PROCESS_DEFINITION, "service-order"))
                .flatExtracting(Grant::permissions)
                .extracting(Permission::getName)
                .containsExactlyInAnyOrder("READ", "READ_TASK", "READ_HISTORY");
        assertThat(grantsOn(Role.BRANCH_SECRETARY, Resources.PROCESS_DEFINITION))
                .extracting(Grant::resourceId)
                .containsExactlyInAnyOrder("*", "service-order");
        // a member reads and works what the engine grants on the tasks assigned to them, nothing more
        assertThat(grantsOn(Role.PARTY_MEMBER, Resources.TASK)).isEmpty();
        assertThat(grantsOn(Role.PARTY_MEMBER, Resources.PROCESS_DEFINITION))
                .extracting(Grant::resourceId)
                .containsExactly("*");
    }

    @Test
    void gridWorkersStartAppealsAndHaveNoCockpit() {
        assertThat(grantOn(Role.GRID_WORKER, Resources.APPLICATION, "cockpit")).isEmpty();
        assertThat(grantOn(Role.GRID_WORKER, Resources.PROCESS_DEFINITION, "appeal"))
                .flatExtracting(Grant::permissions)
                .contains(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE);
    }

    @Test
    void administratorsMayDoEverything() {
        assertThat(policy.grantsOf(Role.ADMIN)).hasSize(Resources.values().length);
        assertThat(policy.grantsOf(Role.ADMIN))
                .allSatisfy(grant -> assertThat(grant.permissions()).containsExactly(Permissions.ALL));
    }

    private boolean has(Role role, Resources resource, Permission permission) {
        // resource-specific permissions (TaskPermissions.READ …) equal the generic ones by name
        return grantsOn(role, resource).stream()
                .flatMap(grant -> grant.permissions().stream())
                .anyMatch(granted -> granted.getName().equals(permission.getName()));
    }

    private List<Grant> grantsOn(Role role, Resources resource) {
        return policy.grantsOf(role).stream()
                .filter(g -> g.resource() == resource)
                .toList();
    }

    private List<Grant> grantOn(Role role, Resources resource, String id) {
        return grantsOn(role, resource).stream()
                .filter(g -> g.resourceId().equals(id))
                .toList();
    }

    @Test
    void operationsGetNothingOfTheEngine() {
        assertThat(policy.grantsOf(Role.OPERATIONS)).isEmpty();
    }

    @Test
    void everyRoleButOperationsHasAtLeastTasklist() {
        Arrays.stream(Role.values()).filter(role -> role != Role.OPERATIONS).forEach(role -> assertThat(
                        has(role, Resources.APPLICATION, Permissions.ACCESS)
                                || has(role, Resources.APPLICATION, Permissions.ALL))
                .as(role.id())
                .isTrue());
    }
}
