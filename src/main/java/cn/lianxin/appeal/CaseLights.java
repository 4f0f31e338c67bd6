package cn.lianxin.appeal;

import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.supervision.SupervisionLights;
import cn.lianxin.workflow.EngineAsPlatform;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case's one light (红黄绿灯) that the station's lists, the cockpit and the citizen read: the
 * worst light of its open steps and of its open supervisions ({@link SupervisionLights}); green when
 * nothing is open.
 *
 * <p>Whatever starts, completes or changes a step, reopens or ends the case, or opens or closes a
 * supervision says so here; the light is then worked out once, just before the transaction commits.
 * Only then is the engine's work of the transaction in the database: inside the command, a step
 * completed a moment ago is still found and the step that follows it is not yet.
 */
@Component
class CaseLights {

    private final Appeals appeals;
    private final RuntimeService runtime;
    private final SupervisionLights supervisions;
    private final EngineAsPlatform platform;
    private final CaseFacts facts;

    CaseLights(
            Appeals appeals,
            RuntimeService runtime,
            SupervisionLights supervisions,
            EngineAsPlatform platform,
            CaseFacts facts) {
        this.facts = facts;
        this.appeals = appeals;
        this.runtime = runtime;
        this.supervisions = supervisions;
        this.platform = platform;
    }

    /** Something about the case's steps or supervisions changed: its light is worked out before commit. */
    void changed(String trackingNo) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            recompute(trackingNo);
            return;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof BeforeCommit pending && pending.owner() == this) {
                pending.cases().add(trackingNo);
                return;
            }
        }
        BeforeCommit pending = new BeforeCommit(this, new LinkedHashSet<>());
        pending.cases().add(trackingNo);
        TransactionSynchronizationManager.registerSynchronization(pending);
        // working the light out may change the case's facts: their roll-ups are added after it
        facts.gatherUntilCommit();
    }

    /** A supervision of a case opened or closed (a leader's 批示, a step done); a topic's number has no case. */
    @EventListener
    void supervisionChanged(SupervisionLights.Changed changed) {
        changed(changed.caseNo());
    }

    /**
     * The worst light of the case's open steps and supervisions, stored if it differs; no case,
     * nothing. An open supervision also marks the case as supervised (督办件) for the cockpit.
     */
    void recompute(String trackingNo) {
        appeals.byTrackingNo(trackingNo).ifPresent(appeal -> {
            Optional<TrafficLight> supervision = platform.call(() -> supervisions.worstOpen(trackingNo));
            if (supervision.isPresent()) {
                facts.supervised(trackingNo);
            }
            TrafficLight light = platform.call(() -> worstOf(appeal, supervision.orElse(TrafficLight.GREEN)));
            if (light != appeal.light()) {
                appeals.recordLight(trackingNo, light);
            }
        });
    }

    private TrafficLight worstOf(Appeal appeal, TrafficLight supervision) {
        TrafficLight worst = supervision;
        if (appeal.processInstanceId() == null) {
            return worst;
        }
        // the light of every open task: a task's variables go when it is completed or cancelled
        for (VariableInstance light : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(appeal.processInstanceId())
                .variableName(StepLights.LIGHT)
                .list()) {
            if (light.getTaskId() != null) {
                worst = worst.worst(StepLights.recorded(light.getValue()));
            }
        }
        return worst;
    }

    /** The cases a transaction touched, worked out once before it commits. */
    private record BeforeCommit(CaseLights owner, Set<String> cases) implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            cases.forEach(owner::recompute);
        }

        /** Before the daily roll-ups' differences are added ({@link DailyTallies}), which come last. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE - 1;
        }
    }
}
