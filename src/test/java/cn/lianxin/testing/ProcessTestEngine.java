package cn.lianxin.testing;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * An in-memory engine for process tests: H2, no job executor (tests fire jobs themselves with the
 * clock they set), full history, and the platform beans a model refers to in its expressions.
 */
public final class ProcessTestEngine {

    private ProcessTestEngine() {}

    public static ProcessEngine with(String name, Map<Object, Object> beans) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setBeans(beans);
        return configuration.buildProcessEngine();
    }
}
