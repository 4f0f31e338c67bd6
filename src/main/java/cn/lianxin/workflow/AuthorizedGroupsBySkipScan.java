package cn.lianxin.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * The group ids that hold any authorization, read by walking the index instead of the whole table
 * (PostgreSQL). With authorization checks on, Camunda asks for them once per command — every request a
 * signed-in user makes — with {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}, which reads every
 * authorization row. The platform keeps one row per open task (the right to work it), so at 1,000,000 open
 * tasks that was 60 ms on an idle server and around 300 ms under load, before the request's own query had
 * begun (docs/benchmarks.md, P3). The same answer comes from Camunda's own index on {@code GROUP_ID_}
 * ({@code ACT_IDX_AUTH_GROUP_ID}) by jumping from one group to the next: a recursive query that costs one
 * index probe per distinct group (a few dozen) however many rows there are — 0.3 ms there.
 *
 * <p>It is Camunda's statement {@code selectAuthorizedGroupIds}, mapped for this engine only to the
 * statement below (Camunda's statement mappings are how it already swaps in database-specific statements).
 * Other databases keep Camunda's.
 */
@Component
class AuthorizedGroupsBySkipScan extends AbstractProcessEnginePlugin {

    /** Camunda's statement (AuthorizationManager#getAllGroups). */
    static final String CAMUNDA_STATEMENT = "selectAuthorizedGroupIds";

    /** This engine's replacement of it. */
    static final String STATEMENT = "lianxinSelectAuthorizedGroupIdsBySkipScan";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (!mybatis.hasStatement(STATEMENT, false)) {
            mybatis.addMappedStatement(new MappedStatement.Builder(
                            mybatis,
                            STATEMENT,
                            new StaticSqlSource(mybatis, sql(configuration.getDatabaseTablePrefix())),
                            SqlCommandType.SELECT)
                    .resultMaps(List.of(
                            new ResultMap.Builder(mybatis, STATEMENT + "-result", String.class, List.of()).build()))
                    .build());
        }
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        // a copy: the map Camunda set is shared by every engine on this database type
        Map<String, String> mappings =
                new HashMap<>(sessions.getStatementMappings() == null ? Map.of() : sessions.getStatementMappings());
        mappings.put(CAMUNDA_STATEMENT, STATEMENT);
        sessions.setStatementMappings(mappings);
    }

    /** Each next group id is the least one greater than the last: a loose index scan. */
    static String sql(String prefix) {
        String table = prefix + "ACT_RU_AUTHORIZATION";
        return "with recursive g(id) as ("
                + " (select GROUP_ID_ from " + table + " where GROUP_ID_ is not null order by GROUP_ID_ limit 1)"
                + " union all"
                + " select (select a.GROUP_ID_ from " + table
                + " a where a.GROUP_ID_ > g.id order by a.GROUP_ID_ limit 1)"
                + " from g where g.id is not null)"
                + " select id from g where id is not null";
    }
}
