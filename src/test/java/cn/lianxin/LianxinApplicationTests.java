package cn.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

/**
 * The zero-setup default mode: H2 (here in memory instead of ./data), Flyway, the engine with
 * authorization on and the demo world seeded.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lianxin-default;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
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

    @Test
    void everyLogLineWrittenWhileACaseRunsCarriesItsTrackingNumber(CapturedOutput output) {
        // given
        BpmnModelInstance model = Bpmn.createExecutableProcess("log-probe")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask()
                .camundaExpression("${logProbe.log()}")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("log-probe.bpmn", model)
                .deploy();

        // when
        engine.getRuntimeService().startProcessInstanceByKey("log-probe", "LX-20261124-000042", Map.of());

        // then
        assertThat(output.getOut()).containsPattern("\\[LX-20261124-000042].*案件处理中");
    }

    @TestConfiguration
    static class LogProbeConfiguration {

        @Bean
        LogProbe logProbe() {
            return new LogProbe();
        }
    }

    public static class LogProbe {

        private static final Logger log = LoggerFactory.getLogger(LogProbe.class);

        public void log() {
            log.info("案件处理中");
        }
    }
}
