package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm as code ({@code keycloak/lianxin-realm.json}) holds the same groups as the default
 * mode, and its demo import ({@code keycloak/demo/lianxin-users-0.json}) the same users with the
 * same names and groups. The realm alone, as production imports it, lets nobody sign in.
 */
class RealmMatchesDemoWorldTests {

    private static JsonNode realm;
    private static JsonNode demoUsers;

    @BeforeAll
    static void readRealm() throws IOException {
        realm = new ObjectMapper().readTree(new File("keycloak/lianxin-realm.json"));
        demoUsers = new ObjectMapper().readTree(new File("keycloak/demo/lianxin-users-0.json"));
    }

    @Test
    void theRealmsGroupsAreTheGroupsOfEveryRoleInEveryDemoUnit() {
        List<String> expected = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role.isUnitScoped()) {
                DemoWorld.UNITS.stream()
                        .filter(u -> u.kind() == role.scope())
                        .forEach(u -> expected.add(role.groupId(u)));
            } else {
                expected.add(role.groupId());
            }
        }

        assertThat(StreamSupport.stream(realm.get("groups").spliterator(), false)
                        .map(g -> g.get("name").asText()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theDemoImportsUsersAreTheDemoUsersWithTheSameNamesAndGroups() {
        Map<String, List<String>> realmUsers = new HashMap<>();
        for (JsonNode user : demoUsers.get("users")) {
            if (!user.has("serviceAccountClientId")) {
                List<String> nameAndGroups = new ArrayList<>();
                nameAndGroups.add(user.get("lastName").asText() + "|"
                        + user.get("firstName").asText());
                StreamSupport.stream(user.get("groups").spliterator(), false)
                        .map(g -> g.asText().substring(1))
                        .forEach(nameAndGroups::add);
                realmUsers.put(user.get("username").asText(), nameAndGroups);
            }
        }
        Map<String, List<String>> demoUsers = new HashMap<>();
        DemoWorld.USERS.forEach(user -> {
            List<String> nameAndGroups = new ArrayList<>();
            nameAndGroups.add(user.lastName() + "|" + user.firstName());
            nameAndGroups.addAll(user.groups());
            demoUsers.put(user.id(), nameAndGroups);
        });

        assertThat(realmUsers).isEqualTo(demoUsers);
    }

    @Test
    void theRealmForProductionHoldsNoUserThatCanSignInAndLocksOutOnlyForAWhile() {
        // only the engine's service account, which has no password; people are created by the county
        assertThat(realm.get("users"))
                .allSatisfy(
                        user -> assertThat(user.has("serviceAccountClientId")).isTrue())
                .allSatisfy(user -> assertThat(user.has("credentials")).isFalse());
        assertThat(demoUsers.get("realm").asText()).isEqualTo(realm.get("realm").asText());
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.get("maxFailureWaitSeconds").asInt()).isBetween(60, 3600);
    }

    @Test
    void theRealmHoldsNoSecret() {
        for (JsonNode client : realm.get("clients")) {
            if (client.has("secret")) {
                assertThat(client.get("secret").asText())
                        .as(client.get("clientId").asText())
                        .startsWith("${");
            }
            assertThat(client.path("publicClient").asBoolean() || client.has("secret"))
                    .isTrue();
        }
    }
}
