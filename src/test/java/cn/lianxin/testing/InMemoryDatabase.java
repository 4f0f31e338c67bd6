package cn.lianxin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database (the zero-setup run's kind) with the tables of some Flyway migrations. */
public final class InMemoryDatabase {

    private InMemoryDatabase() {}

    /** A database of its own holding what these files of {@code db/migration} create, in this order. */
    public static DataSource withMigrations(String... files) {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate template = new JdbcTemplate(dataSource);
        for (String file : files) {
            try {
                template.execute(Files.readString(Path.of("src/main/resources/db/migration", file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataSource;
    }
}
