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
 * The realm as code ({@code keycloak/lianxin-realm.json}) holds the same demo world as the default
 * mode: group names equal the candidate groups, and every user has the same name and groups.
 */
class RealmMatchesDemoWorldTests {

    private static JsonNode realm;

    @BeforeAll
    static void readRealm() throws IOException {
        realm = new ObjectMapper().readTree(new File("keycloak/lianxin-realm.json"));
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
    void theRealmsUsersAreTheDemoUsersWithTheSameNamesAndGroups() {
        Map<String, List<String>> realmUsers = new HashMap<>();
        for (JsonNode user : realm.get("users")) {
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
