package cn.lianxin.service;

/** Where an order stands, as the resident and the branch read it. */
enum OrderStatus {
    DISPATCHING("待派单"),
    ACCEPTING("待党员接单"),
    SERVING("服务中"),
    AWAITING_EVALUATION("已服务，待评价"),
    CLOSED("已办结"),
    CONVERTED("已转为诉求办理");

    /** {@link #ACCEPTING} when the order was dispatched to a volunteer (whose answer the secretary records). */
    static final String VOLUNTEER_ACCEPTING_LABEL = "待志愿者接单";

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The label of an order in this status: 待志愿者接单 when it waits for a volunteer's answer. */
    String labelFor(ServiceOrders.Order order) {
        return this == ACCEPTING && order.toVolunteer() ? VOLUNTEER_ACCEPTING_LABEL : label;
    }
}
