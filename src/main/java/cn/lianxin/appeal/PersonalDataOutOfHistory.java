package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.CITIZEN_NAME;
import static cn.lianxin.appeal.AppealProcess.Variables.ID_NUMBER;
import static cn.lianxin.appeal.AppealProcess.Variables.PHONE;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps a citizen's name, phone and ID number out of Camunda's history tables. A cadre's start form
 * passes them through the engine for a moment (intake moves them into the case table at once); the
 * history would otherwise keep them for everyone who may read history, leaders included.
 */
class PersonalDataOutOfHistory implements HistoryEventHandler {

    static final Set<String> PERSONAL = Set.of(CITIZEN_NAME, PHONE, ID_NUMBER);

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
