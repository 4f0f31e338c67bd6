package cn.lianxin.workflow;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;

/**
 * Camunda logs every exception that ends a command at ERROR with its whole stack (about 180 lines
 * behind the REST API), unless it is one of its own "the user asked for something wrong" kinds
 * (bad request, authorization, optimistic locking), which it logs at DEBUG. A form refused by its
 * rules ({@link TaskDataRejected}) is that kind too: the cadre is told what to fix, nothing is
 * broken. {@link TaskDataGuard} writes the refusal in one INFO line instead. So is a case that a
 * migration's dry run finds unable to move (the engine's validation report): that is the dry run's
 * answer, given to the designer in Chinese. Every other exception is still logged as Camunda logs it.
 */
final class RefusalsAreNotErrors extends CommandContextFactory {

    RefusalsAreNotErrors(ProcessEngineConfigurationImpl configuration) {
        setProcessEngineConfiguration(configuration);
    }

    @Override
    public CommandContext createCommandContext() {
        return new CommandContext(processEngineConfiguration) {
            @Override
            protected boolean shouldLogFine(Throwable exception) {
                return exception instanceof TaskDataRejected
                        || exception instanceof MigratingProcessInstanceValidationException
                        || super.shouldLogFine(exception);
            }
        };
    }
}
