package cn.lianxin.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * With the application's lenient mapper (unknown fields ignored) and {@link StrictRequestBodies},
 * a {@link RefusesUnknownFields} record refuses them and every other body stays lenient.
 */
class RefusesUnknownFieldsTests {

    record Proposal(String title, String phone) implements RefusesUnknownFields {}

    record Lenient(String title) {}

    final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .modulesToInstall(new StrictRequestBodies())
            .build();

    @Test
    void theApplicationsMapperIgnoresUnknownFieldsByDefault() throws Exception {
        assertThat(json.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .isFalse();
        assertThat(json.readValue("{\"title\": \"路灯\", \"origin\": \"CADRE\"}", Lenient.class))
                .isEqualTo(new Lenient("路灯"));
    }

    @Test
    void anUnknownFieldIsRefusedAndNamed() {
        assertThatThrownBy(() -> json.readValue(
                        "{\"title\": \"路灯\", \"origin\": \"CADRE\", \"phone\": \"13800000001\"}", Proposal.class))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> assertThat(e.getPath())
                        .extracting(reference -> reference.getFieldName())
                        .containsExactly("origin"));
    }

    @Test
    void theDeclaredFieldsAreReadAsUsual() throws Exception {
        assertThat(json.readValue("{\"phone\": \"13800000001\", \"title\": \"路灯\"}", Proposal.class))
                .isEqualTo(new Proposal("路灯", "13800000001"));
    }
}
