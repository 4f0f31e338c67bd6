package cn.lianxin.notification;

/** The message templates; their Chinese text is {@code notification.<key>} in messages_zh_CN.properties. */
public enum Template {
    RECEIPT("receipt"),
    PROGRESS("progress"),
    RETURN_NOTICE("return"),
    CLOSED("closed"),
    REVISIT("revisit"),
    /** A cadre's inbox notice also sent by SMS (lianxin.inbox.sms-kinds): the notice's own text. */
    CADRE_NOTICE("cadre-notice"),
    TOPIC_RECEIPT("topic-receipt"),
    TOPIC_PROGRESS("topic-progress"),
    /** The one-time code that recovers a lost access code (群众端 /recover). */
    RECOVERY_CODE("recovery-code");

    private final String key;

    Template(String key) {
        this.key = key;
    }

    String messageCode() {
        return "notification." + key;
    }
}
