package cn.lianxin.service;

import java.util.Map;

/**
 * The contract of {@code processes/service-order.bpmn} (群众点单服务): every id and variable name Java
 * relies on, and the values the model's conditions compare decisions with. {@code ModelContractTests}
 * fails on drift either way.
 */
public final class ServiceOrderProcess {

    public static final String KEY = "service-order";
    public static final String RESOURCE = "processes/service-order.bpmn";

    /** Each decision variable a gateway condition compares with a value, with the enum of its values. */
    public static final Map<String, Class<? extends Enum<?>>> DECISIONS = Map.of(
            Variables.DISPATCH_DECISION, DispatchDecision.class,
            Variables.ACCEPT_DECISION, AcceptDecision.class);

    private ServiceOrderProcess() {}

    /** The branch secretary's decision at {@code dispatch} (variable {@code dispatchDecision}). */
    public enum DispatchDecision {
        /** 派单给本村（社区）已报到的党员（{@code memberId}） */
        DISPATCH,
        /** 派单给本村（社区）在册的志愿者（{@code volunteerId}）：志愿者没有账号，由支部书记电话联系后代为登记 */
        DISPATCH_VOLUNTEER,
        /** 实为诉求：转入群众诉求办理（{@code appealCategory}） */
        CONVERT
    }

    /**
     * The member's answer at {@code accept}, or the volunteer's as the secretary records it at
     * {@code volunteer-accept} (variable {@code acceptDecision}).
     */
    public enum AcceptDecision {
        /** 接单 */
        ACCEPT,
        /** 婉拒（{@code declineReason}），退回派单 */
        DECLINE
    }

    /** User task keys. */
    public static final class Tasks {
        public static final String DISPATCH = "dispatch";
        public static final String ACCEPT = "accept";
        public static final String SERVE = "serve";
        /** 登记志愿者接单: the secretary records the volunteer's answer on their behalf (代为登记). */
        public static final String VOLUNTEER_ACCEPT = "volunteer-accept";
        /** 登记志愿者服务: the secretary records the volunteer's service on their behalf. */
        public static final String VOLUNTEER_SERVE = "volunteer-serve";

        private Tasks() {}
    }

    /** Message names. */
    public static final class Messages {
        /** The resident's evaluation (variables {@code satisfaction}, {@code evaluationComment}). */
        public static final String EVALUATED = "service-order-evaluated";

        private Messages() {}
    }

    /** Process variables. */
    public static final class Variables {
        public static final String ORDER_NO = "orderNo";
        public static final String VILLAGE_CODE = "villageCode";
        public static final String RESOURCE_TITLE = "resourceTitle";
        public static final String DESCRIPTION = "description";
        public static final String RESIDENT_SUMMARY = "residentSummary";

        public static final String DISPATCH_DECISION = "dispatchDecision";
        public static final String MEMBER_ID = "memberId";
        public static final String MEMBER_OPTIONS = "memberOptions";
        public static final String VOLUNTEER_ID = "volunteerId";
        public static final String VOLUNTEER_OPTIONS = "volunteerOptions";
        /** Shown on the volunteer's tasks: their name, skills and availability (no phone). */
        public static final String VOLUNTEER_SUMMARY = "volunteerSummary";

        public static final String APPEAL_CATEGORY = "appealCategory";
        public static final String DISPATCH_NOTE = "dispatchNote";
        public static final String TRACKING_NO = "trackingNo";

        public static final String ACCEPT_DECISION = "acceptDecision";
        public static final String DECLINE_REASON = "declineReason";

        public static final String MINUTES_SERVED = "minutesServed";
        public static final String SERVICE_RECORD = "serviceRecord";

        public static final String SATISFACTION = "satisfaction";
        public static final String EVALUATION_COMMENT = "evaluationComment";
        public static final String STATUS = "status";

        private Variables() {}
    }
}
