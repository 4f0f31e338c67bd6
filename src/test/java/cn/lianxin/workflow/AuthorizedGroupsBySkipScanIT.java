package cn.lianxin.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine reads the groups that hold authorizations by walking the index (PostgreSQL), and reads
 * the same groups Camunda's own statement reads — with a group added and taken away again.
 */
@PlatformIntegrationTest
class AuthorizedGroupsBySkipScanIT {

    @Autowired
    ProcessEngineConfiguration engine;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEngineReadsEveryAuthorizedGroupThroughTheIndexAndNoOther() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine;

        // the engine's statement is this one
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupsBySkipScan.CAMUNDA_STATEMENT))
                .isEqualTo(AuthorizedGroupsBySkipScan.STATEMENT);
        assertThat(readByTheEngine()).isEqualTo(readWhole()).isNotEmpty();

        // a group that holds its first authorization is read, the lowest and highest names too
        List<String> added = List.of("  first-of-all", "zzzz-last-of-all");
        List<String> ids = added.stream()
                .map(group -> {
                    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    grant.setGroupId(group);
                    grant.setResource(Resources.FILTER);
                    grant.setResourceId("skip-scan-test-" + group.trim());
                    grant.addPermission(Permissions.READ);
                    return authorizations.saveAuthorization(grant).getId();
                })
                .toList();
        try {
            assertThat(readByTheEngine()).containsAll(added).isEqualTo(readWhole());
        } finally {
            ids.forEach(authorizations::deleteAuthorization);
        }

        // and not once it holds none
        assertThat(readByTheEngine()).doesNotContainAnyElementsOf(added).isEqualTo(readWhole());
    }

    @SuppressWarnings("unchecked")
    private Set<String> readByTheEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine;
        return configuration
                .getCommandExecutorTxRequired()
                .execute(context -> new HashSet<>((List<String>)
                        context.getDbEntityManager().selectList(AuthorizedGroupsBySkipScan.CAMUNDA_STATEMENT)));
    }

    private Set<String> readWhole() {
        return new HashSet<>(jdbc.queryForList(
                "select distinct group_id_ from act_ru_authorization where group_id_ is not null", String.class));
    }
}
