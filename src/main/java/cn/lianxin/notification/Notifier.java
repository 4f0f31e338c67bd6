package cn.lianxin.notification;

import java.util.Map;

/**
 * The port to the outside world (SMS gateway, WeCom, …). Throwing means "not delivered, try again
 * later"; {@link Undeliverable} means trying again cannot help. The default adapter is {@link
 * LoggingNotifier}; {@code lianxin.sms.provider=aliyun} selects {@link AliyunSms}; a deployment may
 * provide its own bean.
 */
public interface Notifier {

    /** Hands the message over; answers what the provider gave back to ask for its delivery receipt later. */
    Accepted deliver(Message message) throws Exception;

    /**
     * One rendered message. {@code recipient} is a phone number (citizen), a group id (every member
     * of a cadre group) or a user id (one cadre); {@code params} are its template's named parameters.
     */
    record Message(
            long id,
            Template template,
            Recipient.Kind kind,
            String recipient,
            String trackingNo,
            String body,
            Map<String, String> params) {

        public Message {
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }

    /**
     * The provider's answer to a send: its request id and the id it reports delivery under (both
     * {@code null} for an adapter without delivery receipts).
     */
    record Accepted(String requestId, String bizId) {

        public static final Accepted WITHOUT_RECEIPT = new Accepted(null, null);
    }

    /** A message no later attempt can deliver (no phone on file): the outbox marks it FAILED at once. */
    class Undeliverable extends Exception {

        public Undeliverable(String reason) {
            super(reason);
        }
    }
}
