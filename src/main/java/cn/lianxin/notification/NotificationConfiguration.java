package cn.lianxin.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The default adapter unless a deployment brings its own; scheduled sending unless switched off (tests send by hand). */
@Configuration
class NotificationConfiguration {

    @Bean
    @ConditionalOnMissingBean(Notifier.class)
    Notifier loggingNotifier() {
        return new LoggingNotifier();
    }

    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "lianxin.notifications.scheduled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {}
}
