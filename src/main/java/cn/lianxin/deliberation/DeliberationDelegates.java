package cn.lianxin.deliberation;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code deliberation.bpmn}: glue from a delegate expression to one step. */
@Configuration
@EnableConfigurationProperties(DeliberationRules.class)
class DeliberationDelegates {

    @Bean
    JavaDelegate registerTopic(DeliberationIntake intake) {
        return intake::register;
    }

    @Bean
    JavaDelegate publishRejection(DeliberationSteps steps) {
        return steps::publishRejection;
    }

    @Bean
    JavaDelegate mergeTopic(DeliberationSteps steps) {
        return steps::mergeTopic;
    }

    @Bean
    JavaDelegate publishPlanNotice(DeliberationSteps steps) {
        return steps::publishPlanNotice;
    }

    @Bean
    JavaDelegate closeNotice(DeliberationSteps steps) {
        return steps::closeNotice;
    }

    @Bean
    JavaDelegate recordMeeting(DeliberationSteps steps) {
        return steps::recordMeeting;
    }

    @Bean
    JavaDelegate publishResultNotice(DeliberationSteps steps) {
        return steps::publishResultNotice;
    }

    @Bean
    JavaDelegate recordLedger(DeliberationSteps steps) {
        return steps::recordLedger;
    }

    @Bean
    JavaDelegate publishProgress(DeliberationSteps steps) {
        return steps::publishProgress;
    }

    /** End listener of the milestone's reminder timer (yellow). */
    @Bean
    ExecutionListener remindMilestone(DeliberationSteps steps) {
        return steps::remindMilestone;
    }

    /** End listener of the milestone's date timer (red, supervision). */
    @Bean
    ExecutionListener flagOverdueMilestone(DeliberationSteps steps) {
        return steps::flagOverdueMilestone;
    }

    @Bean
    JavaDelegate openEvaluation(DeliberationSteps steps) {
        return steps::openEvaluation;
    }

    @Bean
    JavaDelegate archiveTopic(DeliberationSteps steps) {
        return steps::archive;
    }
}
