package cn.lianxin.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, in the production profile {@code postgres}, against
 * the real PostgreSQL server of {@link RealPostgres}, with the demo world seeded, and the {@link Api}
 * driver and the fixtures of {@link Drivers} to inject; {@link SqlStatements} counts the SQL statements
 * of each request; {@link SharedCounters} starts each class without limits or sign-in failures spent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lianxin.demo-world.enabled=true",
            "lianxin.access-code.secret=integration-tests-only-secret",
            // every IT calls from 127.0.0.1: limits no test reaches (PublicLimitsIT proves them low)
            "lianxin.public-limits.requests.capacity=100000",
            "lianxin.public-limits.intake.capacity=10000",
            "lianxin.public-limits.posts.capacity=10000",
            "lianxin.public-limits.code-guesses-per-address.capacity=10000",
            "lianxin.public-limits.code-guesses-per-case.capacity=1000",
            "lianxin.public-limits.recoveries-per-address.capacity=1000",
            "lianxin.public-limits.recoveries-per-case.capacity=100",
            // every scrape reads the database afresh, so a test sees the change it just made
            "lianxin.metrics.max-age=0s"
        })
@ActiveProfiles("postgres")
@ExtendWith({JobExecutors.ResumeAfterEach.class, SharedCounters.class})
@Import({Drivers.class, SqlStatements.class})
@ContextConfiguration(initializers = RealPostgres.class)
public @interface PlatformIntegrationTest {}
