package cn.lianxin.supervision;

import java.util.Map;

/**
 * The contract of {@code processes/supervision.bpmn} (督办): every id, message and variable name that
 * Java relies on, and the values the model's conditions compare decisions with.
 * {@code ModelContractTests} fails on drift either way.
 */
public final class SupervisionProcess {

    public static final String KEY = "supervision";
    public static final String RESOURCE = "processes/supervision.bpmn";

    /** Each decision variable a gateway condition compares with a value, with the enum of its values. */
    public static final Map<String, Class<? extends Enum<?>>> DECISIONS = Map.of(Variables.ACTION, Action.class);

    private SupervisionProcess() {}

    /** The supervisor's action at {@code supervise} (variable {@code action}). */
    public enum Action {
        /** 催办 */
        URGE,
        /** 重定期限（{@code newDeadline}） */
        RESET_DEADLINE,
        /** 升级督办 */
        ESCALATE
    }

    /** User task keys. */
    public static final class Tasks {
        public static final String SUPERVISE = "supervise";
        public static final String REPLY = "reply";

        private Tasks() {}
    }

    /** Message names. */
    public static final class Messages {
        public static final String STEP_COMPLETED = "supervision-step-completed";

        private Messages() {}
    }

    /** Process variables. */
    public static final class Variables {
        public static final String TRACKING_NO = "trackingNo";
        public static final String STEP_KEY = "stepKey";
        public static final String STEP_NAME = "stepName";
        public static final String REASON = "reason";
        public static final String LEVEL = "level";
        public static final String LEVEL_LABEL = "levelLabel";
        public static final String HANDLER_GROUP = "handlerGroup";
        public static final String VILLAGE_CODE = "villageCode";
        public static final String TOWN_CODE = "townCode";
        public static final String ACTION = "action";
        public static final String NOTE = "note";
        public static final String NEW_DEADLINE = "newDeadline";
        public static final String REPLY = "reply";
        /** Why it was opened, a {@code SupervisionLights.Cause}. */
        public static final String CAUSE = "cause";
        /** Set when the supervision ends because its case ended (withdrawn, returned, closed). */
        public static final String CASE_ENDED = "caseEnded";

        private Variables() {}
    }
}
