package cn.lianxin.notification;

/**
 * The port to the outside world (SMS gateway, WeCom, …). Throwing means "not delivered, try again
 * later". The default adapter is {@link LoggingNotifier}; a deployment provides its own bean.
 */
public interface Notifier {

    void deliver(Message message) throws Exception;

    /** One rendered message. {@code recipient} is a phone number (citizen), a group id (every member of a cadre group) or a user id (one cadre). */
    record Message(long id, Recipient.Kind kind, String recipient, String trackingNo, String body) {}
}
