/**
 * Notifications (通知): messages to citizens (受理回执, 一次性告知, 办结, 回访) from Chinese templates kept
 * in {@code messages_zh_CN.properties} ({@code notification.*}), and the cadres' inbox (站内消息): a
 * step or operation publishes a {@link cn.lianxin.notification.CadreNotice} (临期, 超期, 催办, 转办, 委派,
 * 督办 …) and {@code CadreInbox} stores it for each cadre told, in the same
 * transaction, answers {@code /api/inbox}, and queues an SMS for the kinds a deployment configured. A
 * step queues a message into the outbox in its own transaction ({@link cn.lianxin.notification.Notifications});
 * the {@link cn.lianxin.notification.OutboxSender} delivers it later through the {@link
 * cn.lianxin.notification.Notifier} port, with retries. The default adapter logs (personal data
 * masked) and keeps the text in the outbox.
 */
package cn.lianxin.notification;
