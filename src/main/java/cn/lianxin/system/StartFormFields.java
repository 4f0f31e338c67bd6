package cn.lianxin.system;

import java.util.Optional;
import java.util.Set;

/**
 * The fields of a process definition's start form: the only variables a person may supply when
 * starting a case through Camunda's REST API ({@link EngineOperationGate}). Read from the deployed
 * models by the workflow module, which knows the engine's forms.
 */
public interface StartFormFields {

    /** A definition as the gate needs it: its key and the fields of its start form. */
    record StartForm(String processKey, Set<String> fields) {}

    /** The start form of a definition id, if the definition exists. */
    Optional<StartForm> ofDefinition(String definitionId);

    /** The start form of the latest version of a process key (what a start by key uses). */
    Optional<StartForm> ofLatest(String processKey);
}
