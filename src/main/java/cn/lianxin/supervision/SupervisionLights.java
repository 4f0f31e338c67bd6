package cn.lianxin.supervision;

import static cn.lianxin.supervision.SupervisionProcess.Variables.CAUSE;
import static cn.lianxin.supervision.SupervisionProcess.Variables.TRACKING_NO;

import cn.lianxin.deadline.TrafficLight;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * How a case stands while it is under supervision (督办), for the case's own light: red while a
 * supervision opened by an overdue step is open — a missed deadline stays missed until the step is
 * done, even with a new deadline set by the supervisor — and yellow while only a leader's 批示 is
 * open on it.
 */
@Component
public class SupervisionLights {

    /** Why a supervision was opened (variable {@code cause}): it decides the light it gives the case. */
    enum Cause {
        /** 环节超期（红灯） */
        OVERDUE,
        /** 领导批示 */
        INSTRUCTION
    }

    /** A supervision of a case (or topic) was opened or closed. */
    public record Changed(String caseNo) {}

    private final RuntimeService runtime;

    SupervisionLights(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** The light the case's open supervisions give it; empty when none is open. */
    public Optional<TrafficLight> worstOpen(String caseNo) {
        if (runtime.createProcessInstanceQuery()
                        .processDefinitionKey(SupervisionProcess.KEY)
                        .variableValueEquals(TRACKING_NO, caseNo)
                        .count()
                == 0) {
            return Optional.empty();
        }
        return Optional.of(
                runtime.createProcessInstanceQuery()
                                        .processDefinitionKey(SupervisionProcess.KEY)
                                        .variableValueEquals(TRACKING_NO, caseNo)
                                        .variableValueEquals(CAUSE, Cause.OVERDUE.name())
                                        .count()
                                > 0
                        ? TrafficLight.RED
                        : TrafficLight.YELLOW);
    }
}
