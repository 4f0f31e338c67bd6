package cn.lianxin.notification;

import java.util.List;

/**
 * The message templates; their Chinese text is {@code notification.<key>} in messages_zh_CN.properties.
 *
 * <p>An SMS service sends only templates registered with it beforehand: a template code plus named
 * parameters, never free text. {@link #params()} names the first arguments a step passes, in order —
 * those are the named parameters the provider receives; any further argument appears only in the
 * text the outbox keeps (a cadre's notice in full). The portal's address ({@code
 * lianxin.portal.base-url}) is not a parameter: providers take a link only as fixed text of the
 * registered template, so the templates that point to the portal ({@link #linksPortal()}) have it
 * written in, and the rendered text gets it as the argument after the step's own.
 */
public enum Template {
    RECEIPT("receipt", true, "no", "code"),
    PROGRESS("progress", false, "no", "news"),
    RETURN_NOTICE("return", false, "no", "reason", "basis", "advice"),
    CLOSED("closed", true, "no", "result"),
    REVISIT("revisit", false, "no"),
    /**
     * A cadre's inbox notice also sent by SMS (lianxin.inbox.sms-kinds): its kind and number go to the
     * provider (a template may not be one variable only), the notice's own text is kept in the outbox.
     */
    CADRE_NOTICE("cadre-notice", false, "kind", "no"),
    TOPIC_RECEIPT("topic-receipt", true, "no", "code"),
    TOPIC_PROGRESS("topic-progress", false, "no", "title", "news"),
    /**
     * The one-time code that recovers a lost access code (群众端 /recover): providers register a
     * verification-code template with the code as its only variable; the case's number is only in the kept text.
     */
    RECOVERY_CODE("recovery-code", false, "code"),
    /** 群众点单's news for the resident: the member accepted the order, the service is recorded (service/OrderNews). */
    ORDER_PROGRESS("order-progress", false, "no", "news");

    private final String key;
    private final boolean linksPortal;
    private final List<String> params;

    Template(String key, boolean linksPortal, String... params) {
        this.key = key;
        this.linksPortal = linksPortal;
        this.params = List.of(params);
    }

    String messageCode() {
        return "notification." + key;
    }

    /** The provider's named parameters: the first arguments of {@link Notifications#queue}, in this order. */
    public List<String> params() {
        return params;
    }

    /** Whether the text points to the citizen portal (its address is fixed text of the registered template). */
    public boolean linksPortal() {
        return linksPortal;
    }
}
