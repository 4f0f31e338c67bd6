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
    JavaDelegate recordPath(AppealSteps steps) {
        return steps::recordPath;
    }

    @Bean
    JavaDelegate convertToEscalation(AppealSteps steps) {
        return steps::convertToEscalation;
    }

    @Bean
    JavaDelegate loadReturnReasons(AppealSteps steps) {
        return steps::loadReturnReasons;
    }

    @Bean
    JavaDelegate recordEvaluation(AppealSteps steps) {
        return steps::recordEvaluation;
    }

    @Bean
    JavaDelegate reopenAppeal(AppealSteps steps) {
        return steps::reopen;
    }

    @Bean
    JavaDelegate finishAppeal(AppealSteps steps) {
        return steps::finish;
    }

    /** Execution listener of every step's light timer (红黄绿灯). */
    @Bean
    ExecutionListener trafficLightChanged(AppealSteps steps) {
        return steps::lightChanged;
    }
}
