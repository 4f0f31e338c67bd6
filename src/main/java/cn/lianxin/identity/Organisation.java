package cn.lianxin.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's groups and authorizations in step with the organisation: one group per role
 * and unit, each with the grants of its {@link AccessPolicy}. In the default mode it also seeds
 * the demo world (units and users of DESIGN §2). Everything here is idempotent and runs on every
 * start.
 */
@Component
public class Organisation {

    private static final Logger log = LoggerFactory.getLogger(Organisation.class);

    private final Units units;
    private final IdentityService identity;
    private final AccessPolicy accessPolicy;
    private final SharedTaskFilters taskFilters;
    private final boolean demoWorld;

    Organisation(
            Units units,
            IdentityService identity,
            AccessPolicy accessPolicy,
            SharedTaskFilters taskFilters,
            @org.springframework.beans.factory.annotation.Value("${lianxin.demo-world.enabled:false}")
                    boolean demoWorld) {
        this.units = units;
        this.identity = identity;
        this.accessPolicy = accessPolicy;
        this.taskFilters = taskFilters;
        this.demoWorld = demoWorld;
    }

    @EventListener(ApplicationStartedEvent.class)
    void synchronise() {
        if (demoWorld) {
            DemoWorld.UNITS.forEach(units::save);
        }
        List<String> groups = followUnits();
        if (demoWorld && !identity.isReadOnly()) {
            DemoWorld.USERS.forEach(this::ensureUser);
            log.info("示范数据已就绪：{} 个单位，{} 个用户组，{} 个用户", units.all().size(), groups.size(), DemoWorld.USERS.size());
        }
    }

    /**
     * Gives every unit its role groups with their grants and tenants, and every county-wide group the
     * villages it reaches — after units were added or moved (an import), so that they work at once.
     * The shared filters are refreshed too. Safe to repeat; returns the role groups.
     */
    public List<String> followUnits() {
        List<String> groups = ensureGroups(units.all());
        taskFilters.ensure();
        return groups;
    }

    private List<String> ensureGroups(List<Unit> allUnits) {
        List<String> groupIds = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role.isUnitScoped()) {
                allUnits.stream()
                        .filter(unit -> unit.kind() == role.scope())
                        .forEach(unit ->
                                groupIds.add(ensureGroup(role, role.groupId(unit), unit.name() + role.label())));
            } else {
                groupIds.add(ensureGroup(role, role.groupId(), role.label()));
            }
        }
        return groupIds;
    }

    private String ensureGroup(Role role, String groupId, String name) {
        if (identity.isReadOnly()) {
            // groups come from the identity provider (Keycloak); only the authorizations are ours
            accessPolicy.apply(role, groupId);
            return groupId;
        }
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        if (group == null) {
            group = identity.newGroup(groupId);
        }
        group.setName(name);
        group.setType(role.id());
        identity.saveGroup(group);
        accessPolicy.apply(role, groupId);
        return groupId;
    }

    private void ensureUser(DemoWorld.DemoUser demo) {
        User user = identity.createUserQuery().userId(demo.id()).singleResult();
        if (user == null) {
            user = identity.newUser(demo.id());
            // only a new user gets the demo password: a changed password survives restarts
            user.setPassword(DemoWorld.PASSWORD);
        }
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        identity.saveUser(user);
        for (String groupId : demo.groups()) {
            boolean member = identity.createUserQuery()
                            .userId(demo.id())
                            .memberOfGroup(groupId)
                            .count()
                    > 0;
            if (!member) {
                identity.createMembership(demo.id(), groupId);
            }
        }
    }
}
