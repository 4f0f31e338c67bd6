package cn.lianxin.notification;

import java.time.Instant;
import java.util.Optional;

/** An adapter that can tell whether a sent SMS reached the phone (the carrier's delivery receipt). */
interface DeliveryReceipts {

    /** What the carrier reported: delivered, or not with its reason. */
    record Receipt(boolean delivered, String reason) {}

    /** The receipt of the message sent to {@code phone} under {@code bizId}; empty while there is none yet. */
    Optional<Receipt> receiptOf(String phone, String bizId, Instant sentAt) throws Exception;
}
