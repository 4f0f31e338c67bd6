package cn.lianxin.workflow;

import cn.lianxin.system.ApiProblemException.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task (or the start form) was submitted with missing or invalid data. Thrown inside the
 * engine's transaction, so nothing is stored and the task stays open; Camunda's REST API and
 * Tasklist answer 400 with the Chinese message, the platform's API with problem+json.
 */
public class TaskDataRejected extends FormFieldValidationException {

    private final transient List<FieldError> fields;

    public TaskDataRejected(List<FieldError> fields) {
        super(
                fields.get(0).field(),
                "请修正以下内容："
                        + fields.stream()
                                .map(f -> f.field() + "（" + f.message() + "）")
                                .collect(Collectors.joining("；")));
        this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
        return fields;
    }
}
