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
    JavaDelegate registerTopic(TopicRegistration registration) {
        return registration::register;
    }

    @Bean
    JavaDelegate publishRejection(TopicOutcomes outcomes) {
        return outcomes::publishRejection;
    }

    @Bean
    JavaDelegate mergeTopic(TopicOutcomes outcomes) {
        return outcomes::mergeTopic;
    }

    @Bean
    JavaDelegate publishPlanNotice(NoticePeriods notices) {
        return notices::publishPlanNotice;
    }

    @Bean
    JavaDelegate closeNotice(NoticePeriods notices) {
        return notices::closeNotice;
    }

    @Bean
    JavaDelegate recordMeeting(MeetingOutcome meeting) {
        return meeting::recordMeeting;
    }

    @Bean
    JavaDelegate publishResultNotice(NoticePeriods notices) {
        return notices::publishResultNotice;
    }

    @Bean
    JavaDelegate recordLedger(LedgerTracking ledger) {
        return ledger::recordLedger;
    }

    @Bean
    JavaDelegate publishProgress(LedgerTracking ledger) {
        return ledger::publishProgress;
    }

    /** End listener of the milestone's light timer (yellow: reminded; red: supervision). */
    @Bean
    ExecutionListener milestoneLightChanged(LedgerTracking ledger) {
        return ledger::milestoneLightChanged;
    }

    @Bean
    JavaDelegate openEvaluation(NoticePeriods notices) {
        return notices::openEvaluation;
    }

    @Bean
    JavaDelegate archiveTopic(TopicOutcomes outcomes) {
        return outcomes::archive;
    }
}
