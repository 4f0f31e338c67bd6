package cn.lianxin.appeal;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code appeal.bpmn}: glue from a delegate expression to one step. */
@Configuration
class AppealDelegates {

    @Bean
    JavaDelegate registerAppeal(AppealIntake intake) {
        return intake::register;
    }

    @Bean
    JavaDelegate recordPath(ChosenPath path) {
        return path::record;
    }

    @Bean
    JavaDelegate convertToEscalation(ChosenPath path) {
        return path::convertToEscalation;
    }

    @Bean
    JavaDelegate loadReturnReasons(ChosenPath path) {
        return path::loadReturnReasons;
    }

    @Bean
    JavaDelegate recordEvaluation(CaseClosing closing) {
        return closing::recordEvaluation;
    }

    @Bean
    JavaDelegate reopenAppeal(CaseClosing closing) {
        return closing::reopen;
    }

    @Bean
    JavaDelegate finishAppeal(CaseClosing closing) {
        return closing::finish;
    }

    /** Execution listener of every step's light timer (红黄绿灯). */
    @Bean
    ExecutionListener trafficLightChanged(StepLights lights) {
        return lights::changed;
    }
}
