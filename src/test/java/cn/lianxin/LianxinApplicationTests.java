package cn.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The zero-setup default mode: H2 (here in memory instead of ./data), Flyway, the engine with
 * authorization on and the demo world seeded.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lianxin-default;DB_CLOSE_DELAY=-1")
class LianxinApplicationTests {

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Test
    void theDefaultModeStartsWithAuthorizationOnAndTheDemoWorld() {
        assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled())
                .isTrue();
        assertThat(identity.checkPassword("gw-v0101", "demo")).isTrue();
        assertThat(identity.createUserQuery()
                        .memberOfGroup("grid-worker-v0101")
                        .singleResult()
                        .getId())
                .isEqualTo("gw-v0101");
    }
}
