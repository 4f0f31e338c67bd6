package cn.lianxin.bench.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bare engine of the benchmark's baseline: Camunda 7.24's Spring Boot starter with its REST API
 * and nothing of the platform (no security, no authorization, no module, no listener), deploying
 * {@code baseline/baseline.bpmn} — the appeal's 即办 path with the same user tasks and light timers.
 * The driver starts it as a child JVM on the same PostgreSQL server with the same pool size as the
 * platform; its settings are {@code baseline.yaml}.
 */
@SpringBootApplication
public class BaselineApp {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BaselineApp.class);
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "baseline"));
        app.run(args);
    }
}
