package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Reading the unit tree on the default database (an H2 file). */
class UnitsTests {

    @TempDir
    Path dir;

    @Test
    void readingTheTreeWritesNothingToH2sTraceFile() {
        // given: an H2 file database as the default run has, tracing errors to its file (H2's default)
        DriverManagerDataSource db =
                new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("lianxin") + ";TRACE_LEVEL_FILE=1", "sa", "");
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("create table unit (code varchar(16) primary key, name varchar(64) not null,"
                        + " kind varchar(16) not null, parent_code varchar(16))")
                .update();
        jdbc.sql("insert into unit values ('c01', '示范县', 'COUNTY', null), ('t01', '城关镇', 'TOWN', 'c01')")
                .update();

        // when
        Units units = new Units(jdbc, Duration.ofMinutes(1));

        // then: read whole, and no column looked up that the table does not have
        assertThat(units.byCode("t01")).contains(new Unit("t01", "城关镇", UnitKind.TOWN, "c01"));
        assertThat(units.all()).hasSize(2);
        assertThat(dir.resolve("lianxin.trace.db")).doesNotExist();
    }
}
