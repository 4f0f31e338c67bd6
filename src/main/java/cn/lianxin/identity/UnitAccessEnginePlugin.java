package cn.lianxin.identity;

import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Camunda's two extension points for who may read which work, both defined inside the engine
 * ({@code engine.impl}): every process instance belongs to its village as the engine's tenant
 * ({@link UnitTenants}), a task given to a department belongs to the department's work in that
 * village, and the grant the engine gives a task's candidate group lets a role that reads its
 * tenants' tasks work the task only.
 */
@Component
class UnitAccessEnginePlugin extends AbstractProcessEnginePlugin {

    /** The process variable that names a case's, topic's or supervision's village. */
    static final String VILLAGE_CODE = "villageCode";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new VillageOfTheCase());
        configuration.setResourceAuthorizationProvider(new WorkGrantsForUnitReaders());
    }

    /**
     * A case, topic or supervision belongs to the village its start names ({@code villageCode}) or,
     * started from Tasklist's form, the village of the cadre who registers it; a called process to its
     * caller's; anything else to the county ({@link UnitTenants#COUNTY}). A decision evaluated in a
     * case belongs to the case's village.
     */
    static final class VillageOfTheCase implements TenantIdProvider {

        @Override
        public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
            if (ctx.getSuperExecution() != null) {
                return ctx.getSuperExecution().getTenantId();
            }
            Object village =
                    ctx.getVariables() == null ? null : ctx.getVariables().get(VILLAGE_CODE);
            if (village instanceof String code && !code.isBlank()) {
                return code;
            }
            CommandContext command = Context.getCommandContext();
            List<String> groups = command == null ? null : command.getAuthenticatedGroupIds();
            Set<Role> registrars =
                    switch (ctx.getProcessDefinition().getKey()) {
                        case AccessPolicy.APPEAL_PROCESS -> UnitTenants.APPEAL_REGISTRARS;
                        case AccessPolicy.DELIBERATION_PROCESS -> UnitTenants.TOPIC_HOSTS;
                        default -> Set.of();
                    };
            // never none: Camunda lets everyone read an instance without a tenant
            return groups == null
                    ? UnitTenants.COUNTY
                    : UnitTenants.registeringVillage(groups, registrars).orElse(UnitTenants.COUNTY);
        }

        @Override
        public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
            return null;
        }

        @Override
        public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
            return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
        }
    }

    /**
     * A candidate group that reads its tenants' tasks (a grant on every task, limited to its tenants)
     * gets on its own tasks only the right to work them: no READ row per task, which the engine would
     * otherwise join to every task of every query (one row per open task of the group, compared with
     * every task: the cost grew with the square of the open tasks).
     *
     * <p>A department's group is given a task while the engine creates it (its candidate group in the
     * model): the task moves into the department's work in the case's place ({@link
     * UnitTenants#departmentWork}), before its history is written, so that the task and its history
     * are the department's to read and the case's village still follows it. A department's group
     * added to a task that already exists, or to a task already another department's, keeps Camunda's
     * grant (read and work this task), as does every other group (the supervisors').
     */
    static final class WorkGrantsForUnitReaders extends DefaultAuthorizationProvider {

        /** The state of a task the engine is creating, until its history is written ({@code TaskState.STATE_INIT}). */
        private static final String TASK_BEING_CREATED = "Init";

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            boolean department =
                    Role.ofGroup(groupId).filter(role -> role == Role.DEPT).isPresent();
            if (department && !movedToDepartment(task, groupId)) {
                return super.newTaskGroupIdentityLink(task, groupId, type);
            }
            if (!UnitTenants.readsByUnit(groupId)) {
                return super.newTaskGroupIdentityLink(task, groupId, type);
            }
            ensureValidIndividualResourceId(
                    "Cannot grant default authorization for identity link to group " + groupId, groupId);
            return new AuthorizationEntity[] {
                createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false, TaskPermissions.TASK_WORK)
            };
        }

        /**
         * Moves a task the engine is creating (its history not yet written) from its case's place into
         * this department's work there; whether the task is now the department's.
         */
        private static boolean movedToDepartment(Task task, String groupId) {
            String department = Role.unitCodeOf(groupId).orElse(null);
            if (department == null || !(task instanceof TaskEntity entity)) {
                return false;
            }
            String tenant = entity.getTenantId();
            if (tenant != null && tenant.startsWith(department + "-")) {
                // already this department's work (a candidate group given back to it)
                return true;
            }
            boolean creating = TASK_BEING_CREATED.equals(entity.getTaskState());
            if (!creating || UnitTenants.isDepartmentWork(tenant)) {
                return false;
            }
            entity.setTenantId(UnitTenants.departmentWork(department, tenant));
            return true;
        }
    }
}
