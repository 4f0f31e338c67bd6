package cn.lianxin.supervision;

import java.util.List;

/**
 * What the supervised processes (appeal, deliberation) tell supervision, published inside the
 * step's transaction. The number is a case's tracking number or a topic's deliberation number.
 */
public final class StepEvents {

    private StepEvents() {}

    /** A step passed its deadline (red light). */
    public record StepTurnedRed(
            String trackingNo,
            String stepKey,
            String stepName,
            List<String> handlerGroups,
            String villageCode,
            String townCode) {}

    /** A step was completed (for a multi-instance step: its last task). */
    public record StepCompleted(String trackingNo, String stepKey) {}

    /** A case ended (closed, returned, withdrawn), whatever steps of it were still open. */
    public record CaseEnded(String trackingNo) {}
}
