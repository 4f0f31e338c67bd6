package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code appeal-triage.dmn}: a suggestion for every request, one promise limit per category. */
class AppealTriageDecisionTests {

    private static final List<String> URGENCIES = List.of("NORMAL", "URGENT");
    private static final List<String> SCOPES = List.of("HOUSEHOLD", "BUILDING", "VILLAGE", "CROSS_AREA");

    private static DmnEngine dmn;
    private static DmnDecision triage;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("processes/appeal-triage.dmn")) {
            triage = dmn.parseDecision(AppealProcess.TRIAGE_DECISION, in);
        }
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void everyRequestOfACategoryGetsASuggestionAndTheSamePromiseLimit(Category category) {
        Set<Object> limits = new HashSet<>();
        for (String urgency : URGENCIES) {
            for (String scope : SCOPES) {
                DmnDecisionResultEntries result = suggest(category.code(), urgency, scope);
                assertThat(Path.of(result.get("suggestedPath")))
                        .as("%s %s %s", category, urgency, scope)
                        .isPresent();
                assertThat(result.<String>getEntry("suggestedPathLabel"))
                        .isEqualTo(Path.valueOf(result.<String>getEntry("suggestedPath"))
                                .label());
                limits.add(result.get("maxPromisedDays"));
            }
        }
        assertThat(limits).as("promise limits of %s", category).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3} {4}")
    @CsvSource({
        "lighting, URGENT, BUILDING, IMMEDIATE, ",
        "lighting, NORMAL, BUILDING, PROMISED, ",
        "road, NORMAL, VILLAGE, ESCALATE, jt",
        "road, URGENT, CROSS_AREA, JOINT, jt",
        "policy, NORMAL, HOUSEHOLD, IMMEDIATE, ",
        "employment, NORMAL, HOUSEHOLD, ESCALATE, rs",
    })
    void theSeedsMostFrequentRequestsGetTheExpectedSuggestion(
            String category, String urgency, String scope, String path, String dept) {
        DmnDecisionResultEntries result = suggest(category, urgency, scope);
        assertThat(result.<String>getEntry("suggestedPath")).isEqualTo(path);
        assertThat(result.<String>getEntry("suggestedDept")).isEqualTo(dept);
    }

    @Test
    void aStairwellLightIsPromisedInAtMostThreeWorkingDays() {
        assertThat(suggest("lighting", "NORMAL", "BUILDING").<Integer>getEntry("maxPromisedDays"))
                .isEqualTo(3);
    }

    private static DmnDecisionResultEntries suggest(String category, String urgency, String scope) {
        return dmn.evaluateDecision(triage, Map.of("category", category, "urgency", urgency, "scope", scope))
                .getSingleResult();
    }
}
