package cn.lianxin.service;

import cn.lianxin.citizen.IdempotencyKeys;
import cn.lianxin.citizen.Masking;
import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.citizen.RefusesUnknownFields;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 群众点单 over HTTP: a resident orders (anonymous, with the public limits and an optional
 * Idempotency-Key, or registered by the village's station head or branch secretary), follows the order
 * and evaluates it with the access code; the village's staff list its orders, a party member the orders
 * dispatched to them.
 */
@RestController
class ServiceOrderController {

    record Receipt(String orderNo, String accessCode) {}

    record Evaluation(
            @NotBlank(message = "必须填写查询码") String accessCode,
            @NotNull(message = "必须选择 SATISFIED、BASICALLY_SATISFIED 或 UNSATISFIED") Satisfaction satisfaction,
            @Size(max = 500, message = "不能超过 500 个字") String comment)
            implements RefusesUnknownFields {}

    /**
     * An order as the branch and its members list it: the resident masked; the light and due date of the wait
     * for dispatch or acceptance, if it waits for one (红黄绿灯 from the deadline module).
     */
    record CadreOrder(
            String orderNo,
            String villageCode,
            String status,
            String statusLabel,
            Long resourceId,
            String description,
            String resident,
            String memberId,
            Long volunteerId,
            Integer minutesServed,
            String satisfaction,
            String trackingNo,
            Instant createdAt,
            Instant closedAt,
            Instant dueAt,
            String light,
            String lightLabel) {

        static CadreOrder of(ServiceOrders.Order o, OrderLights.Light light) {
            return new CadreOrder(
                    o.orderNo(),
                    o.villageCode(),
                    o.status().name(),
                    o.status().labelFor(o),
                    o.resourceId(),
                    o.description(),
                    Masking.name(o.residentName()) + "（" + Masking.phone(o.phone()) + "）",
                    o.memberId(),
                    o.volunteerId(),
                    o.minutesServed(),
                    o.satisfaction(),
                    o.trackingNo(),
                    o.createdAt(),
                    o.closedAt(),
                    light == null ? null : light.dueAt(),
                    light == null ? null : light.light().name(),
                    light == null ? null : light.light().label());
        }
    }

    private final OrderPhotos photos;
    private final OrderIntake intake;
    private final OrderProgress progress;
    private final ServiceOrders orders;
    private final VillageStaff staff;
    private final PublicLimits limits;
    private final IdentityService identity;
    private final OrderLights lights;

    ServiceOrderController(
            OrderIntake intake,
            OrderProgress progress,
            ServiceOrders orders,
            VillageStaff staff,
            PublicLimits limits,
            IdentityService identity,
            OrderPhotos photos,
            OrderLights lights) {
        this.lights = lights;
        this.photos = photos;
        this.intake = intake;
        this.progress = progress;
        this.orders = orders;
        this.staff = staff;
        this.limits = limits;
        this.identity = identity;
    }

    @PostMapping("/api/service-orders")
    ResponseEntity<Receipt> place(
            @Valid @RequestBody OrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http) {
        IdempotencyKeys.checkHeader(idempotencyKey);
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        limits.take(Limit.INTAKE, http.getRemoteAddr());
        OrderIntake.Receipt receipt;
        try {
            receipt = intake.place(request, idempotencyKey);
        } catch (DataIntegrityViolationException concurrentRetry) {
            // the same Idempotency-Key arrived twice at once: the first one won, answer with its order
            receipt = intake.place(request, idempotencyKey);
        }
        Receipt body = new Receipt(receipt.orderNo(), receipt.accessCode());
        return receipt.created()
                ? ResponseEntity.created(URI.create("/api/service-orders/" + receipt.orderNo()))
                        .body(body)
                : ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body);
    }

    @GetMapping("/api/service-orders/{orderNo}")
    OrderProgress.PublicView view(
            @PathVariable String orderNo, @RequestParam String accessCode, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        return progress.view(orderNo, accessCode, http.getRemoteAddr());
    }

    @PostMapping("/api/service-orders/{orderNo}/evaluation")
    ResponseEntity<Void> evaluate(
            @PathVariable String orderNo, @Valid @RequestBody Evaluation evaluation, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        limits.take(Limit.POSTS, http.getRemoteAddr());
        progress.evaluate(
                orderNo,
                evaluation.accessCode(),
                http.getRemoteAddr(),
                evaluation.satisfaction(),
                evaluation.comment());
        return ResponseEntity.noContent().build();
    }

    /** 服务照片: the member serving the order attaches photos while the service step is open. */
    @PostMapping(path = "/api/service-orders/{orderNo}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<OrderPhotos.Photo>> attachPhotos(
            @PathVariable String orderNo,
            @RequestParam(name = OrderPhotos.FIELD, required = false) List<MultipartFile> files) {
        return ResponseEntity.status(HttpStatus.CREATED).body(photos.attach(orderNo, files));
    }

    /** The order's photos for the village's staff and the member. */
    @GetMapping("/api/service-orders/{orderNo}/photos")
    List<OrderPhotos.Photo> photos(@PathVariable String orderNo) {
        return photos.forCadre(orderNo);
    }

    /** One photo: with {@code accessCode} the resident's (once the service is recorded), else a cadre's. */
    @GetMapping("/api/service-orders/{orderNo}/photos/{id}")
    ResponseEntity<byte[]> photo(
            @PathVariable String orderNo,
            @PathVariable String id,
            @RequestParam(required = false) String accessCode,
            HttpServletRequest http,
            HttpServletResponse response) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        byte[] jpeg = accessCode == null
                ? photos.photoForCadre(orderNo, id)
                : progress.photo(orderNo, accessCode, http.getRemoteAddr(), id);
        // bytes, not text: no charset (server.servlet.encoding.force set UTF-8 on every response)
        response.setCharacterEncoding((String) null);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + id + ".jpg\"")
                .body(jpeg);
    }

    /** The village's orders, newest first, for its station head and branch secretary. */
    @GetMapping("/api/villages/{code}/service-orders")
    ListPage<CadreOrder> ofVillage(
            @PathVariable String code,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) Integer size) {
        staff.of(code);
        int shown = ListPage.size(size);
        return withLights(
                ListPage.after(orders.ofVillage(code, before, shown + 1), shown, ServiceOrders.Order::orderNo));
    }

    /** The orders dispatched to the signed-in party member, newest first. */
    @GetMapping("/api/service-orders/mine")
    ListPage<CadreOrder> mine(
            @RequestParam(required = false) String before, @RequestParam(required = false) Integer size) {
        CurrentUser me = CurrentUser.of(identity)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.UNAUTHORIZED, "unauthorized"));
        int shown = ListPage.size(size);
        return withLights(
                ListPage.after(orders.ofMember(me.userId(), before, shown + 1), shown, ServiceOrders.Order::orderNo));
    }

    /** A page of orders with their lights, read in one query for the page. */
    private ListPage<CadreOrder> withLights(ListPage<ServiceOrders.Order> page) {
        Map<String, OrderLights.Light> lit = lights.of(page.items());
        return page.map(o -> CadreOrder.of(o, lit.get(o.orderNo())));
    }
}
