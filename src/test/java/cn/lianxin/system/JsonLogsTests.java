package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * The structured logs docs/operations.md offers ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=logstash}):
 * one JSON object per line, with the case's business key and the request's correlation id as fields of
 * their own, so a log store finds every line of a case or of a cadre's failed request.
 */
class JsonLogsTests {

    @Test
    void aLogLineIsOneJsonObjectWithTheBusinessKeyAndTheCorrelationId() throws Exception {
        // given
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("logstash");
        encoder.start();
        LoggingEvent event = new LoggingEvent(
                "cn.lianxin.appeal.CaseFacts",
                context.getLogger("cn.lianxin.appeal.CaseFacts"),
                Level.INFO,
                "诉求已亮红灯",
                null,
                null);
        event.setMDCPropertyMap(Map.of("businessKey", "LX-20261206-000042", "correlationId", "4f1c2a"));

        // when
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        // then
        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("businessKey").asText()).isEqualTo("LX-20261206-000042");
        assertThat(json.path("correlationId").asText()).isEqualTo("4f1c2a");
        assertThat(json.path("message").asText()).isEqualTo("诉求已亮红灯");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.has("@timestamp")).isTrue();
    }
}
