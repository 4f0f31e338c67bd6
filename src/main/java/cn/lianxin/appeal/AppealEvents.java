package cn.lianxin.appeal;

import java.util.List;

/** What other modules may react to, published inside the step's transaction. */
public final class AppealEvents {

    private AppealEvents() {}

    /** A step of a case passed its deadline (red light). */
    public record StepTurnedRed(
            String trackingNo,
            String stepKey,
            String stepName,
            List<String> handlerGroups,
            String villageCode,
            String townCode) {}

    /** A step of a case was completed (for a multi-instance step: its last task). */
    public record StepCompleted(String trackingNo, String stepKey) {}
}
