package cn.lianxin.testing;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The public limits' buckets and the sign-in counters live in the database the integration tests
 * share (V32), all calling from 127.0.0.1: each test class starts with none, as each node's memory
 * used to give it, so that one class's flood or wrong passwords do not throttle the next.
 */
public final class SharedCounters implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        JdbcTemplate sql =
                new JdbcTemplate(SpringExtension.getApplicationContext(context).getBean(DataSource.class));
        sql.update("delete from public_limit");
        sql.update("delete from sign_in_failure");
    }
}
