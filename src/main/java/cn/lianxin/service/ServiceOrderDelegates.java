package cn.lianxin.service;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code service-order.bpmn}: glue from a delegate expression to one step. */
@Configuration
class ServiceOrderDelegates {

    @Bean
    JavaDelegate convertOrderToAppeal(OrderSteps steps) {
        return steps::convertToAppeal;
    }

    @Bean
    JavaDelegate orderNotAccepted(OrderSteps steps) {
        return steps::notAccepted;
    }

    @Bean
    JavaDelegate volunteerNotAccepted(OrderSteps steps) {
        return steps::volunteerNotAccepted;
    }

    @Bean
    JavaDelegate creditServicePoints(OrderSteps steps) {
        return steps::creditPoints;
    }

    @Bean
    JavaDelegate closeServiceOrder(OrderSteps steps) {
        return steps::close;
    }
}
