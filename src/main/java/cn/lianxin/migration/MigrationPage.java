package cn.lianxin.migration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The designers' page for migrating running cases at {@code /migrations}: static files
 * ({@code static/migrations/}) that hold no data; the page signs in through Camunda's webapps, as the
 * leader cockpit does, and calls {@code /api/migrations/…}, which only designers and administrators may
 * (docs/migration.md “网页操作”).
 */
@Configuration(proxyBeanMethods = false)
class MigrationPage implements WebMvcConfigurer {

    static final String PAGE = "/migrations/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/migrations").setViewName("forward:" + PAGE);
        registry.addViewController("/migrations/").setViewName("forward:" + PAGE);
    }
}
