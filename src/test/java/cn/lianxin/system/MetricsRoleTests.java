package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.identity.Role;
import org.junit.jupiter.api.Test;

/** The metrics endpoint is granted to the group of the operations role, named in one place each. */
class MetricsRoleTests {

    @Test
    void theMetricsGroupIsTheOperationsRolesCountyGroup() {
        assertThat(WebSecurity.OPERATIONS_GROUP).isEqualTo(Role.OPERATIONS.groupId());
        assertThat(Role.OPERATIONS.isUnitScoped()).isFalse();
        assertThat(Role.ofGroup("operations")).contains(Role.OPERATIONS);
    }
}
