package cn.lianxin.notification;

import cn.lianxin.identity.People;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The SMS adapter {@code lianxin.sms.provider} names (the logging one by default) unless a deployment
 * brings its own; scheduled sending unless switched off (tests send by hand).
 */
@Configuration
@EnableConfigurationProperties(SmsSettings.class)
class NotificationConfiguration {

    @Bean
    @ConditionalOnProperty(name = "lianxin.sms.provider", havingValue = "aliyun")
    AliyunSms aliyunSms(SmsSettings settings, People people) throws Exception {
        return new AliyunSms(settings, people);
    }

    @Bean
    @ConditionalOnMissingBean(Notifier.class)
    @ConditionalOnProperty(name = "lianxin.sms.provider", havingValue = "log", matchIfMissing = true)
    Notifier loggingNotifier() {
        return new LoggingNotifier();
    }

    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "lianxin.notifications.scheduled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {}
}
