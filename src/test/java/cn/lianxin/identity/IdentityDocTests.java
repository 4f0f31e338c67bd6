package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/identity.md shows the role × operation matrix that the engine's REST gate enforces: the table
 * there is generated from {@link EngineOperation}, so the document cannot drift from the rule.
 */
class IdentityDocTests {

    /** The matrix as Markdown, one row per operation, one column per role. */
    static String matrix() {
        String header = "| 操作 operation | "
                + Arrays.stream(Role.values()).map(r -> "`" + r.id() + "`").collect(Collectors.joining(" | "))
                + " |\n";
        String rule = "|---|" + "---|".repeat(Role.values().length) + "\n";
        String rows = Arrays.stream(EngineOperation.values())
                .map(op -> "| " + op.label() + " (`" + op.name() + "`) | "
                        + Arrays.stream(Role.values())
                                .map(role -> op.allows(role) ? "✓" : "—")
                                .collect(Collectors.joining(" | "))
                        + " |\n")
                .collect(Collectors.joining());
        return header + rule + rows;
    }

    @Test
    void theDocumentShowsTheMatrixTheGateEnforces() throws IOException {
        String doc = Files.readString(Path.of("docs/identity.md"), StandardCharsets.UTF_8);

        assertThat(doc).as("docs/identity.md must contain exactly this table").contains(matrix());
    }
}
