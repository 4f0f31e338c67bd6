package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every kind of log entry the modules write reads as a Chinese word in 办理记录. */
class LogKindsTests {

    /** A call that writes a log line ({@code appeals.log(…)}, {@code log.record(…)}, {@code operated.record(…)} …). */
    private static final Pattern LOG_CALL = Pattern.compile("\\.(?:log|record)\\(([^;]*?)\\);", Pattern.DOTALL);

    private static final Pattern KIND = Pattern.compile("\"([A-Z][A-Z_]{2,})\"");

    @Test
    void everyKindWrittenInTheSourcesHasAChineseLabel() throws IOException {
        Set<String> written = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher call = LOG_CALL.matcher(Files.readString(source));
                while (call.find()) {
                    Matcher kind = KIND.matcher(call.group(1));
                    while (kind.find()) {
                        written.add(kind.group(1));
                    }
                }
            }
        }

        assertThat(written).contains("TRIAGE", "LIGHT", "SUPERVISION", "TRANSFER", "SEND_BACK", "PROPOSAL");
        assertThat(written)
                .allSatisfy(kind -> assertThat(LogKinds.label(kind)).as(kind).isNotEqualTo("记录"));
    }

    @Test
    void aKindWithoutAWordReadsAsARecord() {
        assertThat(LogKinds.label("SOMETHING_NEW")).isEqualTo("记录");
        assertThat(LogKinds.label("SEND_BACK")).isEqualTo("驳回");
    }
}
