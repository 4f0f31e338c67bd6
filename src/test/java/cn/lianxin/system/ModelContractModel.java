package cn.lianxin.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a contract class is checked against: one BPMN read with Camunda's model API, the decisions it
 * calls and the forms it uses. {@code variables} are the names the model uses in any way;
 * {@code declared} the subset it brings into being itself (mappings, results, loop elements, the
 * initiator, form fields); {@code formFields} each form field key (and options key) with the first
 * form, by name, that has it.
 */
record ModelContractModel(
        Set<String> processes,
        Set<String> userTasks,
        Set<String> messages,
        Set<String> decisions,
        Set<String> variables,
        Set<String> declared,
        Map<String, String> formFields,
        List<ModelContractExpressions.Found> expressions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The model of {@code bpmn}, with the forms it refers to read from {@code forms}. */
    static ModelContractModel read(Path bpmn, Path forms) {
        BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
        Set<String> processes = new LinkedHashSet<>();
        model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable)
                .forEach(process -> processes.add(process.getId()));
        Set<String> userTasks = new LinkedHashSet<>();
        Set<String> formRefs = new HashSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            userTasks.add(task.getId());
            formRefs.add(task.getCamundaFormRef());
        }
        model.getModelElementsByType(StartEvent.class).forEach(start -> formRefs.add(start.getCamundaFormRef()));
        Set<String> messages = new LinkedHashSet<>();
        model.getModelElementsByType(Message.class).forEach(message -> messages.add(message.getName()));
        Set<String> decisions = new HashSet<>();
        model.getModelElementsByType(BusinessRuleTask.class)
                .forEach(task -> decisions.add(task.getCamundaDecisionRef()));

        // names the model brings into being itself (mappings, results, loop elements, form fields)
        Document document = ModelContractExpressions.parse(bpmn);
        Set<String> declared = new HashSet<>();
        for (String mapping : List.of("inputParameter", "outputParameter")) {
            var nodes = document.getElementsByTagNameNS(ModelContractExpressions.CAMUNDA_NS, mapping);
            for (int i = 0; i < nodes.getLength(); i++) {
                declared.add(((Element) nodes.item(i)).getAttribute("name"));
            }
        }
        var all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            for (String attribute : List.of("resultVariable", "elementVariable", "variableName", "initiator")) {
                String value = element.getAttributeNS(ModelContractExpressions.CAMUNDA_NS, attribute);
                if (!value.isEmpty()) {
                    declared.add(value);
                }
            }
        }
        Map<String, String> formFields = new TreeMap<>();
        for (String formRef : formRefs) {
            Path form = formRef == null ? null : forms.resolve(formRef + ".form");
            if (form != null && Files.isRegularFile(form)) {
                Set<String> keys = new HashSet<>();
                fieldKeys(readJson(form), keys);
                keys.forEach(key ->
                        formFields.merge(key, form.getFileName().toString(), (a, b) -> a.compareTo(b) < 0 ? a : b));
                declared.addAll(keys);
            }
        }

        Set<String> used = new HashSet<>(declared);
        List<ModelContractExpressions.Found> expressions = ModelContractExpressions.expressions(bpmn, document);
        expressions.forEach(found -> ModelContractRoots.of(found.body()).forEach(start -> used.add(start.name())));
        used.addAll(decisionInputs(bpmn.getParent(), decisions));
        return new ModelContractModel(
                processes, userTasks, messages, decisions, used, declared, formFields, expressions);
    }

    /** The variables the decision tables the process calls read as inputs. */
    private static Set<String> decisionInputs(Path dir, Set<String> decisions) {
        Set<String> inputs = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path dmn : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                for (Decision decision : Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(Decision.class)) {
                    if (decisions.contains(decision.getId())
                            && decision.getExpression() instanceof DecisionTable table) {
                        table.getInputs().stream()
                                .map(Input::getInputExpression)
                                .filter(input -> input != null && input.getText() != null)
                                .forEach(input -> ModelContractRoots.of(
                                                input.getText().getTextContent())
                                        .forEach(start -> inputs.add(start.name())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inputs;
    }

    private static void fieldKeys(JsonNode component, Set<String> keys) {
        for (String key : List.of("key", "valuesKey")) {
            if (component.hasNonNull(key)) {
                keys.add(component.get(key).asText());
            }
        }
        component.path("components").forEach(child -> fieldKeys(child, keys));
    }

    private static JsonNode readJson(Path form) {
        try {
            return JSON.readTree(form.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form " + form, e);
        }
    }
}
