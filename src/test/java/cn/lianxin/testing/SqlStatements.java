package cn.lianxin.testing;

import static org.awaitility.Awaitility.await;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The SQL statements each HTTP request sends, counted on the request's own thread (the job executor
 * and the outbox run on others): the application's {@code DataSource} is wrapped by datasource-proxy,
 * and a filter in front of every other (sign-in included) records what the request sent. A JDBC batch
 * is one statement, as it is one round trip.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatements {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** What one request sent, and its path. */
    public record Request(String path, List<String> statements) {
        public int count() {
            return statements.size();
        }
    }

    private final AtomicReference<Request> last = new AtomicReference<>();

    /** The statements of the request {@code send} makes (which must be one request), once it has ended. */
    public Request of(Runnable send) {
        Request before = last.get();
        send.run();
        // the client may read the whole answer a moment before the server's filter chain returns
        await().atMost(Duration.ofSeconds(10)).until(() -> last.get() != before);
        return last.get();
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource source && !(bean instanceof ProxyDataSource)
                        ? ProxyDataSourceBuilder.create(source)
                                .name(beanName)
                                .listener(new Recorder())
                                .build()
                        : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> statementCountingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        List<String> statements = new ArrayList<>();
                        RECORDING.set(statements);
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            RECORDING.remove();
                            String query = request.getQueryString();
                            last.set(new Request(
                                    request.getRequestURI() + (query == null ? "" : "?" + query),
                                    List.copyOf(statements)));
                        }
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static final class Recorder implements QueryExecutionListener {

        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            List<String> statements = RECORDING.get();
            if (statements != null) {
                statements.add(String.join(
                        "; ", queries.stream().map(QueryInfo::getQuery).toList()));
            }
        }
    }
}
