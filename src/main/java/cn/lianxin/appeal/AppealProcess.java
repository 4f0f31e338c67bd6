package cn.lianxin.appeal;

import cn.lianxin.citizen.Satisfaction;
import java.util.Map;

/**
 * The contract of {@code processes/appeal.bpmn} (群众诉求办理): every id, message and variable
 * name that Java relies on, and the values the model's conditions compare decisions with.
 * {@code ModelContractTests} fails when a name here has no counterpart in the model or a condition
 * compares a value that is not here. The names of DESIGN §3 are fixed.
 */
public final class AppealProcess {

    public static final String KEY = "appeal";
    public static final String RESOURCE = "processes/appeal.bpmn";
    public static final String TRIAGE_DECISION = "appeal-triage";

    /**
     * Each decision variable a gateway condition compares (e.g. {@code ${path == 'IMMEDIATE'}}) with
     * the enum of its values; a condition comparing any other variable or value fails the contract test.
     */
    public static final Map<String, Class<? extends Enum<?>>> DECISIONS = Map.of(
            Variables.PATH, Path.class,
            Variables.OUTCOME, Outcome.class,
            Variables.TOWN_DECISION, TownDecision.class,
            Variables.DEPT_OUTCOME, DeptOutcome.class,
            Variables.SATISFACTION, Satisfaction.class,
            Variables.CHANNEL, Channel.class);

    private AppealProcess() {}

    /** How a promised case ends at {@code handle-promised} (variable {@code outcome}). */
    public enum Outcome {
        /** 已办结 */
        DONE,
        /** 转为上报 */
        ESCALATE
    }

    /** The town service centre's decision at {@code town-handle} (variable {@code townDecision}). */
    public enum TownDecision {
        /** 镇中心自行办结 */
        HANDLED,
        /** 派发到部门（{@code deptCode}） */
        DISPATCH,
        /** 退回 */
        RETURN
    }

    /** How a department ends {@code dept-handle} (variable {@code deptOutcome}). */
    public enum DeptOutcome {
        /** 已办结 */
        DONE,
        /** 退回镇中心 */
        HAND_BACK
    }

    /** User task keys. */
    public static final class Tasks {
        public static final String TRIAGE = "triage";
        public static final String HANDLE_IMMEDIATE = "handle-immediate";
        public static final String HANDLE_PROMISED = "handle-promised";
        public static final String REVIEW_ESCALATION = "review-escalation";
        public static final String TOWN_HANDLE = "town-handle";
        public static final String DEPT_HANDLE = "dept-handle";
        public static final String NOTIFY_RETURN = "notify-return";
        public static final String JOINT_HANDLE = "joint-handle";
        public static final String JOINT_CONCLUDE = "joint-conclude";
        public static final String FEEDBACK = "feedback";
        public static final String REVISIT = "revisit";
        public static final String REOPEN_ALERT = "reopen-alert";
        /** 走访反馈: a case registered from a visit gets its progress reported within 3 working days. */
        public static final String VISIT_FEEDBACK = "visit-feedback";

        private Tasks() {}
    }

    /** Message names. */
    public static final class Messages {
        public static final String EVALUATED = "appeal-evaluated";
        public static final String WITHDRAWN = "appeal-withdrawn";
        /** 驳回: the handler of a step sends the case back to the step before it (boundary events). */
        public static final String SENT_BACK = "appeal-sent-back";
        /** 撤回: the sender takes back a step just completed, before the next one is claimed. */
        public static final String RECALLED = "appeal-recalled";

        private Messages() {}
    }

    /** Process variables. */
    public static final class Variables {
        public static final String TRACKING_NO = "trackingNo";
        public static final String VILLAGE_CODE = "villageCode";
        public static final String TOWN_CODE = "townCode";
        public static final String CATEGORY = "category";
        public static final String CATEGORY_LABEL = "categoryLabel";
        public static final String URGENCY = "urgency";
        public static final String SCOPE = "scope";
        public static final String CHANNEL = "channel";
        public static final String DESCRIPTION = "description";
        public static final String LOCATION = "location";
        public static final String CITIZEN_SUMMARY = "citizenSummary";
        public static final String CITIZEN_NAME = "citizenName";
        public static final String PHONE = "phone";
        public static final String ID_NUMBER = "idNumber";
        public static final String INITIATOR = "initiator";

        public static final String SUGGESTED_PATH = "suggestedPath";
        public static final String SUGGESTED_PATH_LABEL = "suggestedPathLabel";
        public static final String MAX_PROMISED_DAYS = "maxPromisedDays";
        public static final String SUGGESTED_DEPT = "suggestedDept";
        public static final String PATH = "path";
        public static final String PROMISED_DAYS = "promisedDays";
        public static final String LEAD_DEPT = "leadDept";
        public static final String LEAD_DEPT_LABEL = "leadDeptLabel";
        public static final String CO_DEPTS = "coDepts";
        public static final String JOINT_DEPTS = "jointDepts";
        public static final String JOINT_DEPT = "jointDept";
        public static final String JOINT_DEPT_LABEL = "jointDeptLabel";
        public static final String JOINT_RESULT = "jointResult";
        public static final String JOINT_RESULTS_SUMMARY = "jointResultsSummary";
        public static final String OVERRIDE_REASON = "overrideReason";
        public static final String TRIAGE_NOTE = "triageNote";
        public static final String ON_SITE = "onSite";

        public static final String OUTCOME = "outcome";
        public static final String ESCALATION_REASON = "escalationReason";
        public static final String APPROVED = "approved";
        public static final String COMMENT = "comment";
        public static final String TOWN_DECISION = "townDecision";
        public static final String TOWN_COMMENT = "townComment";
        public static final String DEPT_CODE = "deptCode";
        /** The departments a form offers (triage's lead and co-departments, the town's dispatch), set when the task is created. */
        public static final String DEPARTMENT_OPTIONS = "departmentOptions";

        public static final String DEPT_OUTCOME = "deptOutcome";
        public static final String HAND_BACK_REASON = "handBackReason";
        public static final String STANDARD_RETURN_REASONS = "standardReturnReasons";
        public static final String RETURN_REASONS = "returnReasons";
        public static final String EXTRA_REASON = "extraReason";
        public static final String RETURN_BASIS = "returnBasis";
        public static final String ALTERNATIVES = "alternatives";
        public static final String RESULT = "result";
        public static final String FEEDBACK_CHANNEL = "feedbackChannel";
        public static final String FEEDBACK_CONTENT = "feedbackContent";
        public static final String SATISFACTION = "satisfaction";
        public static final String EVALUATION_COMMENT = "evaluationComment";
        public static final String REOPEN_COUNT = "reopenCount";
        public static final String ALERT_STATION_HEAD = "alertStationHead";
        public static final String ALERT_NOTE = "alertNote";
        public static final String REVISIT_NOTE = "revisitNote";
        public static final String VISIT_PROGRESS = "visitProgress";
        public static final String VISIT_FEEDBACK_CHANNEL = "visitFeedbackChannel";
        public static final String STATUS = "status";
        /** Task-local on the step a case was sent back to (驳回): why, shown read-only in its form. */
        public static final String SENT_BACK_REASON = "sentBackReason";

        private Variables() {}
    }
}
