package cn.lianxin.workflow;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps a citizen's name, phone and ID number out of Camunda's history tables. A cadre's start form
 * passes them through the engine for a moment (intake moves them into the case or topic table at once); the
 * history would otherwise keep them for everyone who may read history, leaders included.
 */
class PersonalDataOutOfHistory implements HistoryEventHandler {

    /** The variable names of personal data in every process's start form (appeal, deliberation). */
    static final Set<String> PERSONAL = Set.of("citizenName", "phone", "idNumber", "proposerName");

    private final HistoryEventHandler delegate;

    PersonalDataOutOfHistory(HistoryEventHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isPersonal(event)) {
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private static boolean isPersonal(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return PERSONAL.contains(variable.getVariableName());
        }
        if (event instanceof HistoricFormPropertyEventEntity property) {
            return PERSONAL.contains(property.getPropertyId());
        }
        return false;
    }
}
