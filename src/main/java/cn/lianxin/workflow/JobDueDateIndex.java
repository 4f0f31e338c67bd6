package cn.lianxin.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The index the job executor's acquisition needs: with {@code job-executor-acquire-by-due-date} (and
 * due dates never null) it asks for the next due jobs in due-date order, and Camunda's schema has no index
 * on {@code ACT_RU_JOB.DUEDATE_}. Without it every acquisition reads the whole job table — with 1,000,000
 * future light timers 656 ms a time, and a storm of due lights fired at 25 a second; with it 0.2 ms and
 * 117 a second (docs/benchmarks.md, P2). Made after the engine has created or updated its tables (Flyway
 * may run before they exist), once: a no-op when it is there.
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "act_idx_job_duedate";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists " + NAME + " on " + table + " (DUEDATE_)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("could not create the job due-date index " + NAME, e);
        }
    }
}
