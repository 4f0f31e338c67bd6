package cn.lianxin.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link EngineOperationGate} in front of both homes of Camunda's REST API, after sign-in, and
 * closes the webapps' first-administrator setup ({@link AdminSetupClosed}).
 */
@Configuration
class EngineGateRegistration {

    @Bean
    FilterRegistrationBean<EngineOperationGate> engineOperationGate(
            Problems problems, ObjectMapper json, StartFormFields startForms) {
        FilterRegistrationBean<EngineOperationGate> registration =
                new FilterRegistrationBean<>(new EngineOperationGate(problems, json, startForms));
        registration.setName("lianxin-engine-operation-gate");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // after Spring Security (-100), which signs /engine-rest callers in
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminSetupClosed> adminSetupClosed(Problems problems, ObjectMapper json) {
        FilterRegistrationBean<AdminSetupClosed> registration =
                new FilterRegistrationBean<>(new AdminSetupClosed(problems, json));
        registration.setName("lianxin-admin-setup-closed");
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(0);
        return registration;
    }
}
