package cn.lianxin.supervision;

/** The contract of {@code processes/supervision.bpmn} (督办). */
public final class SupervisionProcess {

    public static final String KEY = "supervision";
    public static final String RESOURCE = "processes/supervision.bpmn";

    private SupervisionProcess() {}

    public static final class Tasks {
        public static final String SUPERVISE = "supervise";
        public static final String REPLY = "reply";

        private Tasks() {}
    }

    public static final class Messages {
        public static final String STEP_COMPLETED = "supervision-step-completed";

        private Messages() {}
    }

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

        private Variables() {}
    }
}
