package cn.lianxin.testing;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;

/** The {@link Api} driver (HTTP Basic) and the per-feature fixtures, for an integration test to inject. */
@TestConfiguration(proxyBeanMethods = false)
public class Drivers {

    @Bean
    Api api(TestRestTemplate http) {
        return new Api(http);
    }

    @Bean
    DisposableBean jobExecutorRegistration(ProcessEngineConfigurationImpl engine) {
        return JobExecutors.register(engine.getJobExecutor());
    }

    @Bean
    AppealFixtures appealFixtures(Api api, TaskService tasks, RuntimeService runtime) {
        return new AppealFixtures(api, tasks, runtime);
    }

    @Bean
    DeliberationFixtures deliberationFixtures(
            Api api, TaskService tasks, RuntimeService runtime, ManagementService management) {
        return new DeliberationFixtures(api, tasks, runtime, management);
    }
}
