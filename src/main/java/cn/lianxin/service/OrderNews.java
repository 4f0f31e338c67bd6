package cn.lianxin.service;

import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import org.springframework.stereotype.Component;

/**
 * What the resident hears of their order by SMS (短信, through the notification outbox, in the step's
 * transaction): that a member or volunteer accepted it and that the service is recorded. The text names no member and no
 * phone number; it goes to the resident's own phone only.
 */
@Component
class OrderNews {

    static final String ACCEPTED = "党员已接单，将与您联系上门服务";
    static final String VOLUNTEER_ACCEPTED = "志愿者已接单，将与您联系上门服务";
    static final String SERVED = "服务已完成，请您评价";

    private final ServiceOrders orders;
    private final Notifications notifications;

    OrderNews(ServiceOrders orders, Notifications notifications) {
        this.orders = orders;
        this.notifications = notifications;
    }

    /** Logs the news on the order's public timeline and sends it to the resident. */
    void tell(String orderNo, String actor, String news) {
        orders.log(orderNo, OrderSteps.now(), actor, news, true);
        orders.byNo(orderNo)
                .ifPresent(order -> notifications.queue(
                        Template.ORDER_PROGRESS, Recipient.citizen(order.phone()), orderNo, orderNo, news));
    }
}
