package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTests {

    private static final Unit DONGFENG = new Unit("v0101", "东风社区", UnitKind.VILLAGE, "t01");

    @Test
    void aUnitScopedRoleIsOneGroupPerUnit() {
        assertThat(Role.GRID_WORKER.groupId(DONGFENG)).isEqualTo("grid-worker-v0101");
        assertThat(Role.DELIBERATION_REP.groupId(DONGFENG)).isEqualTo("deliberation-rep-v0101");
    }

    @Test
    void aRoleOnlyExistsInUnitsOfItsKind() {
        assertThatThrownBy(() -> Role.TOWN_CENTER.groupId(DONGFENG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Role.GRID_WORKER.groupId()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aUnitScopedGroupNamesItsUnit() {
        assertThat(Role.unitCodeOf("grid-worker-v0101")).contains("v0101");
        assertThat(Role.unitCodeOf("town-center-t02")).contains("t02");
        assertThat(Role.unitCodeOf("leader")).isEmpty();
        assertThat(Role.unitCodeOf("friends-v0101")).isEmpty();
        assertThat(Role.STATION_HEAD.groupIdIn("v0201")).isEqualTo("station-head-v0201");
    }

    @Test
    void aGroupIdNamesItsRole() {
        assertThat(Role.ofGroup("grid-worker-v0101")).contains(Role.GRID_WORKER);
        assertThat(Role.ofGroup("dept-cg")).contains(Role.DEPT);
        assertThat(Role.ofGroup("deliberation-host-v0101")).contains(Role.DELIBERATION_HOST);
        assertThat(Role.ofGroup("leader")).contains(Role.LEADER);
        assertThat(Role.ofGroup("camunda-admin")).contains(Role.ADMIN);
        assertThat(Role.ofGroup("leaders")).isEmpty();
        assertThat(Role.ofGroup("friends-v0101")).isEmpty();
    }
}
