package cn.lianxin.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.feel.FeelEngine$;
import org.junit.jupiter.api.Test;

/** The DMN engine's FEEL with each expression parsed once decides exactly as Camunda's own. */
class FeelParsedOnceTests {

    private static final Path TRIAGE = Path.of("processes/appeal-triage.dmn");

    @Test
    void theTriageTableDecidesEveryRequestAsCamundasOwnFeelDoes() throws IOException {
        DmnEngine stock =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(new FeelParsedOnce.Factory(configuration));
        DmnEngine parsedOnce = configuration.buildEngine();
        DmnDecision stockTriage = parse(stock);
        DmnDecision parsedOnceTriage = parse(parsedOnce);

        List<Map<String, Object>> requests = everyRequest();
        assertThat(requests).hasSizeGreaterThan(40);
        // twice: the second round is decided from what the first one parsed
        for (int round = 0; round < 2; round++) {
            for (Map<String, Object> request : requests) {
                assertThat(parsedOnce
                                .evaluateDecisionTable(parsedOnceTriage, request)
                                .getResultList())
                        .as("%s, round %d", request, round)
                        .isEqualTo(stock.evaluateDecisionTable(stockTriage, request)
                                .getResultList());
            }
        }
    }

    @Test
    void aCellIsParsedOnceAndItsFailureIsKeptAsWell() {
        FeelParsedOnce.ParsingOnce engine = engine(10);

        assertThat(engine.parseUnaryTests("\"road\"").isRight()).isTrue();
        assertThat(engine.parseUnaryTests("\"road\"")).isSameAs(engine.parseUnaryTests("\"road\""));
        assertThat(engine.parseExpression("category")).isSameAs(engine.parseExpression("category"));
        assertThat(engine.parseUnaryTests("> ) (")).isSameAs(engine.parseUnaryTests("> ) ("));
        assertThat(engine.parseUnaryTests("> ) (").isLeft()).isTrue();
        // Scala FEEL itself parses anew every time
        org.camunda.feel.FeelEngine plain = new org.camunda.feel.FeelEngine.Builder().build();
        assertThat(plain.parseUnaryTests("\"road\"")).isNotSameAs(plain.parseUnaryTests("\"road\""));
    }

    @Test
    void pastItsLimitAnExpressionIsParsedEachTimeAndStillRight() {
        FeelParsedOnce.ParsingOnce engine = engine(2);
        engine.parseUnaryTests("\"a\"");
        engine.parseUnaryTests("\"b\"");

        assertThat(engine.parseUnaryTests("\"c\"")).isNotSameAs(engine.parseUnaryTests("\"c\""));
        assertThat(engine.parseUnaryTests("\"c\"").isRight()).isTrue();
        assertThat(engine.parseUnaryTests("\"a\"")).isSameAs(engine.parseUnaryTests("\"a\""));
    }

    private static FeelParsedOnce.ParsingOnce engine(int limit) {
        return new FeelParsedOnce.ParsingOnce(
                FeelEngine$.MODULE$.defaultFunctionProvider(), FeelEngine$.MODULE$.defaultValueMapper(), limit);
    }

    private static DmnDecision parse(DmnEngine engine) throws IOException {
        try (InputStream in = Files.newInputStream(TRIAGE)) {
            return engine.parseDecision("appeal-triage", in);
        }
    }

    /** Every category the table names (and one it does not) × every urgency × every scope. */
    private static List<Map<String, Object>> everyRequest() throws IOException {
        Set<String> categories = new LinkedHashSet<>();
        Matcher cell = Pattern.compile("<inputEntry id=\"rule-\\d+-category\"><text>\"([a-z_]+)\"</text>")
                .matcher(Files.readString(TRIAGE));
        while (cell.find()) {
            categories.add(cell.group(1));
        }
        categories.add("not-in-the-table");
        List<Map<String, Object>> requests = new ArrayList<>();
        for (String category : categories) {
            for (String urgency : List.of("NORMAL", "URGENT")) {
                for (String scope : List.of("HOUSEHOLD", "BUILDING", "VILLAGE", "CROSS_AREA")) {
                    requests.add(Map.of("category", category, "urgency", urgency, "scope", scope));
                }
            }
        }
        return requests;
    }
}
