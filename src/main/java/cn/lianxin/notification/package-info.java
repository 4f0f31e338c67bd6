/**
 * Notifications (通知): messages to citizens (受理回执, 一次性告知, 办结, 回访) and to cadres (临期, 超期)
 * from Chinese templates kept in {@code messages_zh_CN.properties} ({@code notification.*}). A step
 * queues a message into the outbox in its own transaction ({@link cn.lianxin.notification.Notifications});
 * the {@link cn.lianxin.notification.OutboxSender} delivers it later through the {@link
 * cn.lianxin.notification.Notifier} port, with retries. The default adapter logs (personal data
 * masked) and keeps the text in the outbox.
 */
package cn.lianxin.notification;
