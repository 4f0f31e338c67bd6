package cn.lianxin.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The leader cockpit's page at {@code /cockpit}: static files ({@code static/cockpit/}) that hold no
 * data; the page signs in through Camunda's webapps and reads {@code /api/cockpit/…} (docs/cockpit.md).
 */
@Configuration
class CockpitPage implements WebMvcConfigurer {

    static final String PAGE = "/cockpit/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/cockpit").setViewName("forward:" + PAGE);
        registry.addViewController("/cockpit/").setViewName("forward:" + PAGE);
    }
}
