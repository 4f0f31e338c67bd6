package cn.lianxin.service;

import cn.lianxin.evidence.PhotoReencoder;
import cn.lianxin.evidence.PhotoReencoder.Reencoded;
import cn.lianxin.evidence.PhotoRules;
import cn.lianxin.evidence.PhotoStore;
import cn.lianxin.identity.Role;
import cn.lianxin.service.ServiceOrders.Order;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * 服务照片: the member who serves an order attaches photos of the service while their {@code serve} step is
 * open (for a volunteer, who has no account, the branch secretary while recording the service); the resident sees them with the access code once asked to evaluate, the village's staff and the
 * member always. Every photo is re-encoded (no metadata survives) and kept in the platform's photo store
 * ({@code evidence}), as an appeal's are.
 */
@Service
class OrderPhotos {

    /** The multipart field of the photos. */
    static final String FIELD = "photos";

    /** At most this many photos per order. */
    static final int MAX_PER_ORDER = 6;

    private static final Logger log = LoggerFactory.getLogger(OrderPhotos.class);

    /** One photo as listed: its address is the one its reader may open. */
    record Photo(String id, int width, int height, Instant addedAt, String url) {}

    private final JdbcClient jdbc;
    private final ServiceOrders orders;
    private final VillageStaff staff;
    private final PhotoStore store;
    private final PhotoReencoder reencoder;
    private final PhotoRules rules;
    private final TaskService tasks;
    private final IdentityService identity;

    OrderPhotos(
            JdbcClient jdbc,
            ServiceOrders orders,
            VillageStaff staff,
            PhotoStore store,
            PhotoReencoder reencoder,
            PhotoRules rules,
            TaskService tasks,
            IdentityService identity) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.staff = staff;
        this.store = store;
        this.reencoder = reencoder;
        this.rules = rules;
        this.tasks = tasks;
        this.identity = identity;
    }

    /**
     * The member serving the order attaches photos, or the village's branch secretary while they record a
     * volunteer's service ({@code volunteer-serve}); anyone else, or after the service, 404.
     */
    @Transactional
    List<Photo> attach(String orderNo, List<MultipartFile> files) {
        CurrentUser me = signedIn();
        boolean serving = tasks.createTaskQuery()
                                .processInstanceBusinessKey(orderNo)
                                .taskDefinitionKey(ServiceOrderProcess.Tasks.SERVE)
                                .taskAssignee(me.userId())
                                .count()
                        > 0
                || recordsForVolunteer(orderNo, me);
        if (!serving) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        if (files == null || files.isEmpty()) {
            throw ApiProblemException.invalid(List.of(new FieldError(FIELD, "请选择照片")));
        }
        refuseOverLimit(count(orderNo), files.size());
        PhotoReencoder.Upload upload = reencoder.reencodeAll(files, rules.maxSize());
        if (!upload.refusals().isEmpty()) {
            throw ApiProblemException.invalid(upload.refusals().stream()
                    .map(reason -> new FieldError(FIELD, reason))
                    .toList());
        }
        List<Reencoded> kept = upload.kept();
        // one attachment at a time per order, so two at once cannot pass the limit together
        jdbc.sql("select order_no from service_order where order_no = ? for update")
                .param(orderNo)
                .query(String.class)
                .single();
        refuseOverLimit(count(orderNo), files.size());
        Instant now = EngineClock.now();
        List<String> written = new ArrayList<>();
        // a file store is outside the transaction: what it got is taken back if the transaction does not commit
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    written.forEach(OrderPhotos.this::forget);
                }
            }
        });
        List<Photo> added = new ArrayList<>();
        for (Reencoded photo : kept) {
            String id = UUID.randomUUID().toString();
            written.add(id);
            store.put(id, photo.jpeg());
            jdbc.sql("insert into service_order_photo (id, order_no, width, height, bytes, added_by, added_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            orderNo,
                            photo.width(),
                            photo.height(),
                            photo.jpeg().length,
                            me.userId(),
                            Timestamp.from(now))
                    .update();
            added.add(new Photo(id, photo.width(), photo.height(), now, cadreUrl(orderNo, id)));
        }
        orders.log(orderNo, now, me.userId(), "上传服务照片 " + kept.size() + " 张", true);
        return added;
    }

    /** The photos of an order for the village's staff and its member; others 404. */
    List<Photo> forCadre(String orderNo) {
        Order order = cadreOrder(orderNo);
        return list(order.orderNo(), id -> cadreUrl(order.orderNo(), id));
    }

    byte[] photoForCadre(String orderNo, String id) {
        cadreOrder(orderNo);
        return bytes(orderNo, id);
    }

    /** The resident's photos of an authorised order: once the service is recorded, none before. */
    List<Photo> forResident(Order order, String accessCode) {
        if (!shownToResident(order)) {
            return List.of();
        }
        return list(
                order.orderNo(),
                id -> "/api/service-orders/" + order.orderNo() + "/photos/" + id + "?accessCode=" + accessCode);
    }

    byte[] photoForResident(Order order, String id) {
        if (!shownToResident(order)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return bytes(order.orderNo(), id);
    }

    private static boolean shownToResident(Order order) {
        return order.status() == OrderStatus.AWAITING_EVALUATION || order.status() == OrderStatus.CLOSED;
    }

    private Order cadreOrder(String orderNo) {
        CurrentUser me = signedIn();
        return orders.byNo(orderNo)
                .filter(o -> staff.isStaffOf(me, o.villageCode()) || me.userId().equals(o.memberId()))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
    }

    private List<Photo> list(String orderNo, java.util.function.Function<String, String> url) {
        return jdbc.sql("select id, width, height, added_at from service_order_photo where order_no = ?"
                        + " order by added_at, id")
                .param(orderNo)
                .query((rs, i) -> new Photo(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant(),
                        url.apply(rs.getString(1))))
                .list();
    }

    private byte[] bytes(String orderNo, String id) {
        Optional<String> known = jdbc.sql("select id from service_order_photo where order_no = ? and id = ?")
                .params(orderNo, id)
                .query(String.class)
                .optional();
        return known.flatMap(store::get).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
    }

    private int count(String orderNo) {
        return jdbc.sql("select count(*) from service_order_photo where order_no = ?")
                .param(orderNo)
                .query(Integer.class)
                .single();
    }

    private static void refuseOverLimit(int already, int adding) {
        if (already + adding > MAX_PER_ORDER) {
            throw ApiProblemException.invalid(List.of(new FieldError(
                    FIELD, "每张单最多 " + MAX_PER_ORDER + " 张照片：已有 " + already + " 张，这次选了 " + adding + " 张")));
        }
    }

    private CurrentUser signedIn() {
        return CurrentUser.of(identity)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.UNAUTHORIZED, "unauthorized"));
    }

    private static String cadreUrl(String orderNo, String id) {
        return "/api/service-orders/" + orderNo + "/photos/" + id;
    }

    private void forget(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            log.warn("未能删除未保存成功的照片 {}", key, e);
        }
    }

    /** The branch secretary who records the volunteer's service of this order (its open volunteer-serve step). */
    private boolean recordsForVolunteer(String orderNo, CurrentUser me) {
        Optional<Order> order = orders.byNo(orderNo);
        if (order.isEmpty()) {
            return false;
        }
        String secretaries = Role.BRANCH_SECRETARY.groupIdIn(order.get().villageCode());
        return me.groupIds().contains(secretaries)
                && tasks.createTaskQuery()
                                .processInstanceBusinessKey(orderNo)
                                .taskDefinitionKey(ServiceOrderProcess.Tasks.VOLUNTEER_SERVE)
                                .taskCandidateGroup(secretaries)
                                .count()
                        > 0;
    }
}
