package cn.lianxin.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The choices of a Camunda Form field that reads them from a variable ({@code valuesKey}: select,
 * checklist, taglist), stored as a JSON variable.
 *
 * <p>Not as a serialized Java object: Tasklist submits a checklist's or taglist's answer with the
 * type of its choices variable, so choices typed {@code ArrayList<Map>} would make the picked
 * values ({@code ["rep1","rep2"]}) a list of maps that cannot be read back. Typed JSON, the
 * answer arrives as JSON too.
 */
public final class FormOptions {

    /** One choice: what people read, and the value the form submits. */
    public record Option(String label, String value) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormOptions() {}

    public static TypedValue of(List<Option> options) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form options cannot be written as JSON", e);
        }
    }

    /** Choices whose label is also the value. */
    public static TypedValue ofLabels(List<String> labels) {
        return of(labels.stream().map(label -> new Option(label, label)).toList());
    }
}
