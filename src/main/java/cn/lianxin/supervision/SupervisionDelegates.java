package cn.lianxin.supervision;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code supervision.bpmn}. */
@Configuration
class SupervisionDelegates {

    @Bean
    JavaDelegate openSupervision(Supervisions supervisions) {
        return supervisions::opened;
    }

    @Bean
    JavaDelegate checkSupervisionAction(Supervisions supervisions) {
        return supervisions::checkAction;
    }

    @Bean
    JavaDelegate urgeHandler(Supervisions supervisions) {
        return supervisions::urge;
    }

    @Bean
    JavaDelegate recordReply(Supervisions supervisions) {
        return supervisions::replied;
    }

    @Bean
    JavaDelegate resetDeadline(Supervisions supervisions) {
        return supervisions::resetDeadline;
    }

    @Bean
    JavaDelegate escalateSupervision(Supervisions supervisions) {
        return supervisions::escalate;
    }

    @Bean
    JavaDelegate closeSupervision(Supervisions supervisions) {
        return supervisions::closed;
    }
}
