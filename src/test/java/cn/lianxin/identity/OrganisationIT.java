package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo world is seeded on every start, and seeding again changes nothing. */
@PlatformIntegrationTest
class OrganisationIT {

    @Autowired
    Organisation organisation;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    @Autowired
    Units units;

    @Test
    void theDemoWorldHoldsExactlyTheUsersOfTheDesign() {
        // then
        assertThat(identity.createUserQuery().list())
                .extracting(User::getId)
                .containsExactlyInAnyOrderElementsOf(
                        DemoWorld.USERS.stream().map(DemoWorld.DemoUser::id).toList());
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list())
                .extracting(User::getId)
                .containsExactly("admin");
        assertThat(identity.createUserQuery()
                        .memberOfGroup("deliberation-rep-v0101")
                        .count())
                .isEqualTo(5);
        assertThat(units.byCode("v0201")).get().extracting(Unit::parentCode).isEqualTo("t02");
        assertThat(identity.checkPassword("center-t02", "demo")).isTrue();
    }

    @Test
    void everyRoleOfEveryUnitHasItsGroup() {
        // then
        assertThat(identity.createGroupQuery().groupId("grid-worker-v0102").count())
                .isEqualTo(1);
        assertThat(identity.createGroupQuery().groupId("town-center-t02").count())
                .isEqualTo(1);
        assertThat(identity.createGroupQuery().groupId("dept-wj").count()).isEqualTo(1);
        assertThat(identity.createGroupQuery().groupId("process-designer").count())
                .isEqualTo(1);
        assertThat(identity.createGroupQuery().groupId("grid-worker-t01").count())
                .isZero();
    }

    @Test
    void seedingAgainChangesNothing() {
        // given
        long users = identity.createUserQuery().count();
        long groups = identity.createGroupQuery().count();
        long grants = authorizations.createAuthorizationQuery().count();
        long savedFilters = filters.createFilterQuery().count();
        int unitCount = units.all().size();

        // when
        organisation.synchronise();

        // then
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(filters.createFilterQuery().count()).isEqualTo(savedFilters);
        assertThat(units.all()).hasSize(unitCount);
    }
}
