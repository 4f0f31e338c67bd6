package cn.lianxin.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders (点单) and their logs: the data an order's process refers to by its number. */
@Repository
class ServiceOrders {

    /**
     * What is stored of an order; {@code phone} and {@code residentName} never leave the platform unmasked. The
     * last dispatch names a member ({@code memberId}) or a volunteer ({@code volunteerId}), never both.
     */
    record Order(
            String orderNo,
            String villageCode,
            Long resourceId,
            String description,
            String residentName,
            String phone,
            String address,
            OrderStatus status,
            String memberId,
            Integer minutesServed,
            String serviceRecord,
            String satisfaction,
            String trackingNo,
            String registeredBy,
            String fingerprint,
            String processInstanceId,
            Instant createdAt,
            Instant closedAt,
            Long volunteerId) {

        /** Whether the order's last dispatch went to a volunteer (志愿者) rather than a member. */
        boolean toVolunteer() {
            return volunteerId != null;
        }
    }

    /** One line of an order's log; {@code shownToResident} lines are on the public progress. */
    record Entry(Instant at, String actor, String entry, boolean shownToResident) {}

    private static final String COLUMNS = "order_no, village_code, resource_id, description, resident_name, phone,"
            + " address, status, member_id, minutes_served, service_record, satisfaction, tracking_no, registered_by,"
            + " fingerprint, process_instance_id, created_at, closed_at, volunteer_id";

    private final JdbcClient jdbc;

    ServiceOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.sql("select nextval('service_order_seq')").query(Long.class).single();
    }

    void insert(Order order, String accessCodeHash, String idempotencyKey) {
        jdbc.sql("insert into service_order (" + COLUMNS + ", access_code_hash, idempotency_key)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        order.orderNo(),
                        order.villageCode(),
                        order.resourceId(),
                        order.description(),
                        order.residentName(),
                        order.phone(),
                        order.address(),
                        order.status().name(),
                        order.memberId(),
                        order.minutesServed(),
                        order.serviceRecord(),
                        order.satisfaction(),
                        order.trackingNo(),
                        order.registeredBy(),
                        order.fingerprint(),
                        order.processInstanceId(),
                        Timestamp.from(order.createdAt()),
                        order.closedAt() == null ? null : Timestamp.from(order.closedAt()),
                        order.volunteerId(),
                        accessCodeHash,
                        idempotencyKey)
                .update();
    }

    Optional<Order> byNo(String orderNo) {
        return jdbc.sql("select " + COLUMNS + " from service_order where order_no = ?")
                .param(orderNo)
                .query(ServiceOrders::order)
                .optional();
    }

    Optional<Order> byIdempotencyKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from service_order where idempotency_key = ?")
                .param(key)
                .query(ServiceOrders::order)
                .optional();
    }

    Optional<String> accessCodeHash(String orderNo) {
        return jdbc.sql("select access_code_hash from service_order where order_no = ?")
                .param(orderNo)
                .query(String.class)
                .optional();
    }

    /** A page of a village's orders, newest first, after the order {@code before} (keyset). */
    List<Order> ofVillage(String villageCode, String before, int fetch) {
        return before == null
                ? jdbc.sql("select " + COLUMNS + " from service_order where village_code = ?"
                                + " order by created_at desc, order_no desc limit ?")
                        .params(villageCode, fetch)
                        .query(ServiceOrders::order)
                        .list()
                : jdbc.sql("select " + COLUMNS
                                + " from service_order o where village_code = ? and (created_at, order_no)"
                                + " < (select created_at, order_no from service_order where order_no = ?)"
                                + " order by created_at desc, order_no desc limit ?")
                        .params(villageCode, before, fetch)
                        .query(ServiceOrders::order)
                        .list();
    }

    /** A page of the orders dispatched to a member, newest first, after the order {@code before} (keyset). */
    List<Order> ofMember(String memberId, String before, int fetch) {
        return before == null
                ? jdbc.sql("select " + COLUMNS + " from service_order where member_id = ?"
                                + " order by created_at desc, order_no desc limit ?")
                        .params(memberId, fetch)
                        .query(ServiceOrders::order)
                        .list()
                : jdbc.sql("select " + COLUMNS + " from service_order o where member_id = ? and (created_at, order_no)"
                                + " < (select created_at, order_no from service_order where order_no = ?)"
                                + " order by created_at desc, order_no desc limit ?")
                        .params(memberId, before, fetch)
                        .query(ServiceOrders::order)
                        .list();
    }

    void attachProcess(String orderNo, String processInstanceId) {
        jdbc.sql("update service_order set process_instance_id = ? where order_no = ?")
                .params(processInstanceId, orderNo)
                .update();
    }

    void status(String orderNo, OrderStatus status) {
        jdbc.sql("update service_order set status = ? where order_no = ?")
                .params(status.name(), orderNo)
                .update();
    }

    void dispatched(String orderNo, String memberId, Instant at) {
        jdbc.sql("update service_order set status = ?, member_id = ?, volunteer_id = null, dispatched_at = ?"
                        + " where order_no = ?")
                .params(OrderStatus.ACCEPTING.name(), memberId, Timestamp.from(at), orderNo)
                .update();
    }

    /** 派给志愿者: the order's last dispatch names the volunteer, no member. */
    void dispatchedToVolunteer(String orderNo, long volunteerId, Instant at) {
        jdbc.sql("update service_order set status = ?, member_id = null, volunteer_id = ?, dispatched_at = ?"
                        + " where order_no = ?")
                .params(OrderStatus.ACCEPTING.name(), volunteerId, Timestamp.from(at), orderNo)
                .update();
    }

    /** The volunteer the order was last dispatched to, if it was dispatched to a volunteer. */
    Optional<Long> volunteerOf(String orderNo) {
        return byNo(orderNo).map(Order::volunteerId);
    }

    /** 接单: when, and how long after the (last) dispatch — the cockpit's acceptance time. */
    void accepted(String orderNo, Instant at) {
        Instant dispatchedAt = jdbc.sql("select dispatched_at from service_order where order_no = ?")
                .param(orderNo)
                .query((rs, row) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                })
                .optional()
                .orElse(null);
        Long seconds = dispatchedAt == null
                ? null
                : Math.max(0, Duration.between(dispatchedAt, at).toSeconds());
        jdbc.sql("update service_order set accepted_at = ?, accept_seconds = ? where order_no = ?")
                .params(Timestamp.from(at), seconds, orderNo)
                .update();
    }

    void served(String orderNo, int minutes, String record, Instant at) {
        jdbc.sql("update service_order set status = ?, minutes_served = ?, service_record = ?, served_at = ?"
                        + " where order_no = ?")
                .params(OrderStatus.AWAITING_EVALUATION.name(), minutes, record, Timestamp.from(at), orderNo)
                .update();
    }

    void converted(String orderNo, String trackingNo, Instant at) {
        jdbc.sql("update service_order set status = ?, tracking_no = ?, closed_at = ? where order_no = ?")
                .params(OrderStatus.CONVERTED.name(), trackingNo, Timestamp.from(at), orderNo)
                .update();
    }

    /** Closed with the resident's evaluation, or without one ({@code satisfaction} null: 未评价). */
    void closed(String orderNo, String satisfaction, Instant at) {
        jdbc.sql("update service_order set status = ?, satisfaction = ?, closed_at = ? where order_no = ?")
                .params(OrderStatus.CLOSED.name(), satisfaction, Timestamp.from(at), orderNo)
                .update();
    }

    void log(String orderNo, Instant at, String actor, String entry, boolean shownToResident) {
        jdbc.sql("insert into service_order_log (order_no, logged_at, actor, entry, public) values (?, ?, ?, ?, ?)")
                .params(orderNo, Timestamp.from(at), actor, entry, shownToResident)
                .update();
    }

    List<Entry> log(String orderNo) {
        return jdbc.sql("select logged_at, actor, entry, public from service_order_log where order_no = ? order by id")
                .param(orderNo)
                .query((rs, row) ->
                        new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        long resource = rs.getLong("resource_id");
        boolean noResource = rs.wasNull();
        int minutes = rs.getInt("minutes_served");
        boolean noMinutes = rs.wasNull();
        Timestamp closed = rs.getTimestamp("closed_at");
        long volunteer = rs.getLong("volunteer_id");
        boolean noVolunteer = rs.wasNull();
        return new Order(
                rs.getString("order_no"),
                rs.getString("village_code"),
                noResource ? null : resource,
                rs.getString("description"),
                rs.getString("resident_name"),
                rs.getString("phone"),
                rs.getString("address"),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getString("member_id"),
                noMinutes ? null : minutes,
                rs.getString("service_record"),
                rs.getString("satisfaction"),
                rs.getString("tracking_no"),
                rs.getString("registered_by"),
                rs.getString("fingerprint"),
                rs.getString("process_instance_id"),
                rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant(),
                noVolunteer ? null : volunteer);
    }
}
