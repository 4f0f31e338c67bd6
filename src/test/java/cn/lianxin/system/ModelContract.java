package cn.lianxin.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The rules every model in {@code processes/} and {@code forms/} keeps (STYLE.md "BPMN ↔ Java"),
 * checked with Camunda's model API. It reports violations as sentences naming the file and
 * element, so a process designer knows what to fix in Camunda Modeler.
 */
final class ModelContract {

    /** Candidate groups of DESIGN §2; a unit code may be an expression such as ${villageCode}. */
    static final Pattern CANDIDATE_GROUP = Pattern.compile(
            "(grid-worker|station-head|deliberation-host|deliberation-rep|branch-secretary)-(v\\d{4}|\\$\\{[^}]+})"
                    + "|town-center-(t\\d{2}|\\$\\{[^}]+})"
                    + "|dept-([a-z]{2}|\\$\\{[^}]+})"
                    + "|supervisor|leader|process-designer"
                    // a group handed over from another step (督办: the overdue step's own candidate group)
                    + "|\\$\\{[a-z][A-Za-z]*Group}");

    /** The extension property that marks a timer or due date as counted in working days. */
    static final String[] WORKING_DAY_DEADLINE = {"deadline", "working-days"};

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Set<String> beanNames;
    private final ObjectMapper json = new ObjectMapper();

    ModelContract(Set<String> beanNames) {
        this.beanNames = Set.copyOf(beanNames);
    }

    /** Every violation in the BPMN and DMN files under {@code models} and the forms under {@code forms}. */
    List<String> violations(Path models, Path forms) {
        List<String> violations = new ArrayList<>();
        Set<String> formIds = new HashSet<>();
        for (Path form : files(forms, ".form")) {
            String id = formId(form);
            String expected = fileName(form).replace(".form", "");
            if (id == null) {
                violations.add(fileName(form) + ": the form has no id");
            } else if (!id.equals(expected)) {
                violations.add(fileName(form) + ": form id '" + id + "' differs from the file name");
            }
            if (id != null && !formIds.add(id)) {
                violations.add(fileName(form) + ": form id '" + id + "' is used twice");
            }
        }
        for (Path bpmn : files(models, ".bpmn")) {
            violations.addAll(bpmnViolations(bpmn, formIds));
        }
        for (Path dmn : files(models, ".dmn")) {
            DmnModelInstance model = Dmn.readModelFromFile(dmn.toFile());
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                if (blank(decision.getCamundaHistoryTimeToLiveString())) {
                    violations.add(fileName(dmn) + ": decision '" + decision.getId() + "' has no historyTimeToLive");
                }
            }
        }
        return violations;
    }

    private List<String> bpmnViolations(Path file, Set<String> formIds) {
        List<String> violations = new ArrayList<>();
        String name = fileName(file);
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
                violations.add(name + ": process '" + process.getId() + "' has no historyTimeToLive");
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            String formRef = start.getCamundaFormRef();
            if (formRef != null && !formIds.contains(formRef)) {
                violations.add(name + ": start event '" + start.getId() + "' refers to missing form '" + formRef + "'");
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            if (formRef == null) {
                violations.add(name + ": user task '" + task.getId() + "' has no formRef");
            } else if (!formIds.contains(formRef)) {
                violations.add(name + ": user task '" + task.getId() + "' refers to missing form '" + formRef + "'");
            }
            String groups = task.getCamundaCandidateGroups();
            if (groups != null) {
                Arrays.stream(groups.split(","))
                        .map(String::trim)
                        .filter(group -> !CANDIDATE_GROUP.matcher(group).matches())
                        .forEach(group -> violations.add(name + ": user task '" + task.getId()
                                + "' has candidate group '" + group + "' outside DESIGN's role naming"));
            }
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            if (timer.getParentElement() instanceof BaseElement event && isWorkingDayDeadline(event)) {
                String iso = timer.getTimeDuration() != null
                        ? timer.getTimeDuration().getTextContent()
                        : timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent() : null;
                String date =
                        timer.getTimeDate() == null ? null : timer.getTimeDate().getTextContent();
                if (iso != null ? !isExpression(iso) : !isExpression(date)) {
                    violations.add(name + ": timer '" + event.getId() + "' is a working-day deadline but uses '"
                            + (iso != null ? iso.trim() : date == null ? "" : date.trim())
                            + "' instead of a date from the calendar (${workingDays...})");
                }
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (isWorkingDayDeadline(task) && !isExpression(task.getCamundaDueDate())) {
                violations.add(name + ": user task '" + task.getId() + "' is a working-day deadline but its dueDate '"
                        + task.getCamundaDueDate() + "' does not come from the calendar (${workingDays...})");
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            violations.addAll(delegateViolations(
                    name,
                    task,
                    task.getCamundaDelegateExpression(),
                    task.getCamundaClass(),
                    task.getCamundaExpression(),
                    task.getCamundaType()));
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            violations.addAll(delegateViolations(
                    name,
                    task,
                    task.getCamundaDelegateExpression(),
                    task.getCamundaClass(),
                    task.getCamundaExpression(),
                    task.getCamundaType()));
        }
        return violations;
    }

    /** Marked in Camunda Modeler with the extension property {@code deadline = working-days}. */
    private static boolean isWorkingDayDeadline(BaseElement element) {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return false;
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .anyMatch(property -> WORKING_DAY_DEADLINE[0].equals(property.getCamundaName())
                        && WORKING_DAY_DEADLINE[1].equals(property.getCamundaValue()));
    }

    private static boolean isExpression(String value) {
        return value != null && value.trim().startsWith("${") && value.trim().endsWith("}");
    }

    private List<String> delegateViolations(
            String file,
            BaseElement task,
            String delegateExpression,
            String javaClass,
            String expression,
            String type) {
        if (delegateExpression == null) {
            String used = javaClass != null
                    ? "class"
                    : expression != null ? "expression" : type != null ? "type " + type : "nothing";
            return List.of(
                    file + ": service task '" + task.getId() + "' uses " + used + " instead of a delegateExpression");
        }
        Matcher bean = BEAN_EXPRESSION.matcher(delegateExpression.trim());
        if (!bean.matches() || !beanNames.contains(bean.group(1))) {
            return List.of(file + ": service task '" + task.getId() + "' delegates to '" + delegateExpression
                    + "', which is not a bean of the platform");
        }
        return List.of();
    }

    private String formId(Path form) {
        try {
            JsonNode id = json.readTree(form.toFile()).get("id");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form " + form, e);
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(Path path) {
        return path.getFileName().toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
