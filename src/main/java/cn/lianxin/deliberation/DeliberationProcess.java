package cn.lianxin.deliberation;

import java.util.Map;

/**
 * The contract of {@code processes/deliberation.bpmn} (协商议事): every id and variable name that
 * Java relies on, and the values the model's conditions compare decisions with.
 * {@code ModelContractTests} fails on drift either way. The names of DESIGN §3 are fixed.
 */
public final class DeliberationProcess {

    public static final String KEY = "deliberation";
    public static final String RESOURCE = "processes/deliberation.bpmn";

    /** Each decision variable a gateway condition compares with a value, with the enum of its values. */
    public static final Map<String, Class<? extends Enum<?>>> DECISIONS = Map.of(Variables.DECISION, Decision.class);

    private DeliberationProcess() {}

    /** The host's decision at {@code topic-review} (variable {@code decision}). */
    public enum Decision {
        /** 受理 */
        ACCEPT,
        /** 并入已有议题（{@code mergeInto}） */
        MERGE,
        /** 不予受理 */
        REJECT
    }

    /** User task keys. */
    public static final class Tasks {
        public static final String TOPIC_REVIEW = "topic-review";
        public static final String PREPARE_PLAN = "prepare-plan";
        public static final String REVIEW_OPINIONS = "review-opinions";
        public static final String MEETING_RECORD = "meeting-record";
        public static final String SET_UP_LEDGER = "set-up-ledger";
        public static final String REPORT_PROGRESS = "report-progress";
        public static final String CONFIRM_COMPLETION = "confirm-completion";

        private Tasks() {}
    }

    /** Process variables. */
    public static final class Variables {
        public static final String DELIBERATION_NO = "deliberationNo";
        public static final String VILLAGE_CODE = "villageCode";
        public static final String TOWN_CODE = "townCode";
        public static final String TITLE = "title";
        public static final String BACKGROUND = "background";
        public static final String AFFECTED_AREA = "affectedArea";
        public static final String OPTIONS = "options";
        public static final String ORIGIN = "origin";
        public static final String ORIGIN_LABEL = "originLabel";
        public static final String PROPOSER_NAME = "proposerName";
        public static final String PHONE = "phone";
        public static final String PROPOSER_SUMMARY = "proposerSummary";
        public static final String LINKED_TRACKING_NO = "linkedTrackingNo";
        public static final String INITIATOR = "initiator";

        public static final String DECISION = "decision";
        public static final String REASONS = "reasons";
        public static final String MERGE_INTO = "mergeInto";
        public static final String MERGE_OPTIONS = "mergeOptions";

        public static final String MEETING_AT = "meetingAt";
        public static final String MEETING_PLACE = "meetingPlace";
        public static final String PARTICIPANTS = "participants";
        public static final String PLAN = "plan";
        public static final String NOTICE_DAYS = "noticeDays";
        public static final String NOTICE_ID = "noticeId";
        public static final String NOTICE_ENDS_AT = "noticeEndsAt";
        public static final String OPINIONS_SUMMARY = "opinionsSummary";
        public static final String OBJECTIONS_SIGNIFICANT = "objectionsSignificant";
        public static final String OPINION_RESPONSE = "opinionResponse";

        public static final String REPRESENTATIVE_OPTIONS = "representativeOptions";
        public static final String QUORUM_NOTE = "quorumNote";
        public static final String ATTENDEES = "attendees";
        public static final String AGENDA = "agenda";
        public static final String SPEECHES = "speeches";
        public static final String VOTES_FOR = "votesFor";
        public static final String VOTES_AGAINST = "votesAgainst";
        public static final String VOTES_ABSTAIN = "votesAbstain";
        public static final String MINUTES = "minutes";
        public static final String QUORATE = "quorate";
        public static final String PASSED = "passed";
        public static final String TALLY = "tally";

        public static final String RESPONSIBLE_UNIT = "responsibleUnit";
        public static final String RESPONSIBLE_GROUP = "responsibleGroup";
        public static final String UNIT_OPTIONS = "unitOptions";
        public static final String MEASURES = "measures";
        public static final String MILESTONES = "milestones";
        public static final String MILESTONE_ID = "milestoneId";
        public static final String MILESTONE_TITLE = "milestoneTitle";
        public static final String MILESTONE_DUE_AT = "milestoneDueAt";
        public static final String MILESTONE_REMIND_AT = "milestoneRemindAt";
        public static final String LEDGER_SUMMARY = "ledgerSummary";
        public static final String PROGRESS = "progress";
        public static final String IMPLEMENTED = "implemented";
        public static final String COMPLETION_SUMMARY = "completionSummary";
        public static final String STATUS = "status";

        private Variables() {}
    }
}
