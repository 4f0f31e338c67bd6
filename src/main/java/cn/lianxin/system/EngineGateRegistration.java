package cn.lianxin.system;

import cn.lianxin.workflow.StartForms;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link EngineOperationGate} in front of both homes of Camunda's REST API, after sign-in. */
@Configuration
class EngineGateRegistration {

    @Bean
    FilterRegistrationBean<EngineOperationGate> engineOperationGate(
            Problems problems, ObjectMapper json, StartForms startForms) {
        FilterRegistrationBean<EngineOperationGate> registration =
                new FilterRegistrationBean<>(new EngineOperationGate(problems, json, startForms));
        registration.setName("lianxin-engine-operation-gate");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // after Spring Security (-100), which signs /engine-rest callers in
        registration.setOrder(0);
        return registration;
    }
}
