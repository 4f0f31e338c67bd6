package cn.lianxin.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default adapter: writes each message to the log, a citizen's phone masked. The outbox keeps the text. */
class LoggingNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);

    @Override
    public Accepted deliver(Message message) {
        String to = message.kind() == Recipient.Kind.CITIZEN ? masked(message.recipient()) : message.recipient();
        log.info(
                "通知 #{} → {}：{}",
                message.id(),
                to,
                message.kind() == Recipient.Kind.CITIZEN ? "（短信内容见通知记录）" : message.body());
        return Accepted.WITHOUT_RECEIPT;
    }

    private static String masked(String phone) {
        return phone == null || phone.length() < 7
                ? "***"
                : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
