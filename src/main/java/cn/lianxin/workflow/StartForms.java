package cn.lianxin.workflow;

import cn.lianxin.system.StartFormFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The fields of a process definition's start form, read from the Camunda Form deployed with it: the
 * only variables a person may supply when starting a case (whatever the designer puts in the form
 * in Camunda Modeler). A definition never changes once deployed, so its answer is kept.
 */
@Component
class StartForms implements StartFormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repository;
    private final FormService forms;
    private final EngineAsPlatform platform;
    private final Map<String, StartForm> byDefinitionId = new ConcurrentHashMap<>();

    StartForms(RepositoryService repository, FormService forms, EngineAsPlatform platform) {
        this.repository = repository;
        this.forms = forms;
        this.platform = platform;
    }

    @Override
    public Optional<StartForm> ofDefinition(String definitionId) {
        StartForm known = byDefinitionId.get(definitionId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StartForm> read = platform.call(() -> {
            ProcessDefinition definition = repository
                    .createProcessDefinitionQuery()
                    .processDefinitionId(definitionId)
                    .singleResult();
            return definition == null ? Optional.empty() : Optional.of(read(definition));
        });
        read.ifPresent(form -> byDefinitionId.put(definitionId, form));
        return read;
    }

    @Override
    public Optional<StartForm> ofLatest(String processKey) {
        String id = platform.call(() -> {
            ProcessDefinition latest = repository
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(processKey)
                    .withoutTenantId()
                    .latestVersion()
                    .singleResult();
            return latest == null ? null : latest.getId();
        });
        return id == null ? Optional.empty() : ofDefinition(id);
    }

    private StartForm read(ProcessDefinition definition) {
        Set<String> fields = new HashSet<>();
        try (InputStream form = forms.getDeployedStartForm(definition.getId())) {
            collectKeys(JSON.readTree(form), fields);
        } catch (IOException | ProcessEngineException noCamundaForm) {
            // no start form, or one that is not a Camunda Form: a start then may carry no variables
            fields.clear();
        }
        return new StartForm(definition.getKey(), Set.copyOf(fields));
    }

    private static void collectKeys(JsonNode component, Set<String> fields) {
        if (component.hasNonNull("key") && component.get("key").isTextual()) {
            fields.add(component.get("key").asText());
        }
        for (JsonNode child : component.path("components")) {
            collectKeys(child, fields);
        }
    }
}
