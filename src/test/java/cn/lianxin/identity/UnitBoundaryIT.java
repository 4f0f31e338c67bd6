package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.PlatformIntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The unit boundary of {@link UnitBoundarySpec}, with users signed in by HTTP Basic (the default mode). */
@PlatformIntegrationTest
class UnitBoundaryIT extends UnitBoundarySpec {

    @Autowired
    Api api;

    @Autowired
    DataSource dataSource;

    @Override
    Api api() {
        return api;
    }

    @Override
    String signedInBy() {
        return "HTTP Basic";
    }

    @Test
    void theTestsRunOnARealPostgresServer() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
