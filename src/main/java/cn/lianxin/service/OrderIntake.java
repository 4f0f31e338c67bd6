package cn.lianxin.service;

import static cn.lianxin.service.ServiceOrderProcess.Variables.*;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.citizen.IdempotencyKeys;
import cn.lianxin.citizen.Masking;
import cn.lianxin.citizen.RequestFingerprint;
import cn.lianxin.identity.Unit;
import cn.lianxin.service.ServiceOrders.Order;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 群众点单: every order becomes a row of {@code service_order} and a running {@code service-order} process,
 * in one transaction — placed by a resident on the portal (anonymous) or registered for them by the
 * village's station head or branch secretary. The process carries the number, the village and what is
 * asked for; the resident's name and phone stay in the table.
 */
@Service
class OrderIntake {

    /** What the resident gets back: the order number and the secret access code. */
    record Receipt(String orderNo, String accessCode, boolean created) {}

    /** Order numbers read FW-20261124-000001. */
    static final String NUMBER_PREFIX = "FW-";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ServiceOrders orders;
    private final VillageLists lists;
    private final VillageStaff staff;
    private final AccessCodes accessCodes;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final EngineAsPlatform platform;

    OrderIntake(
            ServiceOrders orders,
            VillageLists lists,
            VillageStaff staff,
            AccessCodes accessCodes,
            RuntimeService runtime,
            IdentityService identity,
            EngineAsPlatform platform) {
        this.orders = orders;
        this.lists = lists;
        this.staff = staff;
        this.accessCodes = accessCodes;
        this.runtime = runtime;
        this.identity = identity;
        this.platform = platform;
    }

    /**
     * An order; a retry with the same idempotency key and the same order returns the first one, the same
     * key with another order is refused (422). Signed in, only the village's station head or branch
     * secretary may register an order (for a resident who came or called).
     */
    @Transactional
    public Receipt place(OrderRequest request, String idempotencyKey) {
        CurrentUser me = CurrentUser.of(identity).orElse(null);
        if (me != null && !staff.isStaffOf(me, request.villageCode())) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        String fingerprint = RequestFingerprint.of(request);
        Optional<String> replay =
                IdempotencyKeys.replayOf(idempotencyKey, fingerprint, key -> orders.byIdempotencyKey(key)
                        .map(kept -> new IdempotencyKeys.Kept(kept.orderNo(), kept.fingerprint())));
        if (replay.isPresent()) {
            return new Receipt(replay.get(), accessCodes.codeFor(replay.get()), false);
        }
        Unit village = staff.village(request.villageCode())
                .orElseThrow(() -> ApiProblemException.invalid(
                        List.of(new FieldError("villageCode", "未知的村（社区）：" + request.villageCode()))));
        String resourceTitle = null;
        if (request.resourceId() != null) {
            resourceTitle = lists.resource(village.code(), request.resourceId())
                    .filter(VillageLists.Resource::open)
                    .map(VillageLists.Resource::title)
                    .orElseThrow(() ->
                            ApiProblemException.invalid(List.of(new FieldError("resourceId", "不是本村（社区）资源清单中可点的服务"))));
        }
        Instant now = EngineClock.now();
        String no = NUMBER_PREFIX + DAY.format(now.atZone(WorkingDays.ZONE)) + "-"
                + String.format("%06d", orders.nextNumber());
        String actor = me == null ? "群众" : me.userId();
        String name = request.residentName().trim();
        orders.insert(
                new Order(
                        no,
                        village.code(),
                        request.resourceId(),
                        request.description().trim(),
                        name,
                        request.phone(),
                        VillageLists.blankToNull(request.address()),
                        OrderStatus.DISPATCHING,
                        null,
                        null,
                        null,
                        null,
                        null,
                        actor,
                        idempotencyKey == null ? null : fingerprint,
                        null,
                        now,
                        null,
                        null),
                accessCodes.hash(accessCodes.codeFor(no)),
                idempotencyKey);
        orders.log(no, now, actor, me == null ? "群众在线点单" : "工作人员代群众登记点单", true);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ORDER_NO, no);
        variables.put(VILLAGE_CODE, village.code());
        variables.put(RESOURCE_TITLE, resourceTitle == null ? "（群众描述的需求）" : resourceTitle);
        variables.put(DESCRIPTION, request.description().trim());
        variables.put(RESIDENT_SUMMARY, Masking.name(name) + "（" + Masking.phone(request.phone()) + "）");
        // the order is the platform's to start: a resident has no account, a station head no grant on the model
        String instanceId = platform.call(() -> runtime.createProcessInstanceByKey(ServiceOrderProcess.KEY)
                .businessKey(no)
                .setVariables(variables)
                .execute()
                .getId());
        orders.attachProcess(no, instanceId);
        return new Receipt(no, accessCodes.codeFor(no), true);
    }
}
