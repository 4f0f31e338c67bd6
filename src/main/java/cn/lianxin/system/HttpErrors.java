package cn.lianxin.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters that make every error answer the same shape on every route: a correlation id for
 * each request, before anything else runs (so Spring Security's 401 and 403 carry it too), and
 * the rewriting of Camunda's own error answers, just inside Spring Security.
 */
@Configuration
class HttpErrors {

    /** Inside Spring Security (order -100), outside Camunda's filters. */
    static final int ENGINE_ERRORS_ORDER = 0;

    @Bean
    FilterRegistrationBean<CorrelationIds> correlationIds() {
        FilterRegistrationBean<CorrelationIds> registration = new FilterRegistrationBean<>(new CorrelationIds());
        registration.setName("lianxin-correlation-ids");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Errors of Camunda's REST API and of the webapps' API, in Chinese and without internals. */
    @Bean
    FilterRegistrationBean<EngineErrors> engineErrors(Problems problems, ObjectMapper json) {
        FilterRegistrationBean<EngineErrors> registration =
                new FilterRegistrationBean<>(new EngineErrors(problems, json));
        registration.setName("lianxin-engine-errors");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(ENGINE_ERRORS_ORDER);
        return registration;
    }
}
