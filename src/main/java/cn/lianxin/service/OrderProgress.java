package cn.lianxin.service;

import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.citizen.Masking;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.service.ServiceOrders.Order;
import cn.lianxin.system.ApiProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a resident does with the access code of an order: follow it and evaluate it (评单). An unknown
 * number and a wrong code get the same 404, after the same work; guesses are limited like an appeal's.
 */
@Service
class OrderProgress {

    record TimelineEntry(Instant at, String entry) {}

    /** The public view: no member's or resident's full name, no phone. */
    record PublicView(
            String orderNo,
            String status,
            String statusLabel,
            String villageName,
            String resourceTitle,
            String description,
            String resident,
            Integer minutesServed,
            String serviceRecord,
            boolean awaitingEvaluation,
            String satisfaction,
            String trackingNo,
            Instant dueAt,
            String light,
            String lightLabel,
            Instant createdAt,
            Instant closedAt,
            List<TimelineEntry> timeline,
            List<OrderPhotos.Photo> photos) {}

    private final ServiceOrders orders;
    private final VillageLists lists;
    private final AccessCodes accessCodes;
    private final Units units;
    private final RuntimeService runtime;
    private final OrderLights lights;
    private final OrderPhotos photos;

    OrderProgress(
            ServiceOrders orders,
            VillageLists lists,
            AccessCodes accessCodes,
            Units units,
            RuntimeService runtime,
            OrderLights lights,
            OrderPhotos photos) {
        this.photos = photos;
        this.orders = orders;
        this.lists = lists;
        this.accessCodes = accessCodes;
        this.units = units;
        this.runtime = runtime;
        this.lights = lights;
    }

    PublicView view(String orderNo, String accessCode, String clientAddress) {
        Order order = authorised(orderNo, accessCode, clientAddress);
        OrderLights.Light light = lights.of(order);
        return new PublicView(
                order.orderNo(),
                order.status().name(),
                statusLabel(order),
                units.byCode(order.villageCode()).map(Unit::name).orElse(order.villageCode()),
                order.resourceId() == null
                        ? null
                        : lists.resource(order.villageCode(), order.resourceId())
                                .map(VillageLists.Resource::title)
                                .orElse(null),
                order.description(),
                Masking.name(order.residentName()),
                order.minutesServed(),
                order.serviceRecord(),
                awaitingEvaluation(order),
                order.satisfaction(),
                order.trackingNo(),
                light == null ? null : light.dueAt(),
                light == null ? null : light.light().name(),
                light == null ? null : light.light().label(),
                order.createdAt(),
                order.closedAt(),
                orders.log(orderNo).stream()
                        .filter(ServiceOrders.Entry::shownToResident)
                        .map(e -> new TimelineEntry(e.at(), e.entry()))
                        .toList(),
                photos.forResident(order, accessCode));
    }

    private static String statusLabel(Order order) {
        return order.status().labelFor(order);
    }

    /** One photo of the service, for the resident once asked to evaluate; 404 before, or for a wrong code. */
    byte[] photo(String orderNo, String accessCode, String clientAddress, String id) {
        return photos.photoForResident(authorised(orderNo, accessCode, clientAddress), id);
    }

    /** 评单: 409 {@code order-not-awaiting-evaluation} unless the order waits for it (once only). */
    @Transactional
    void evaluate(String orderNo, String accessCode, String clientAddress, Satisfaction satisfaction, String comment) {
        Order order = authorised(orderNo, accessCode, clientAddress);
        try {
            runtime.createMessageCorrelation(ServiceOrderProcess.Messages.EVALUATED)
                    .processInstanceBusinessKey(order.orderNo())
                    .setVariables(Map.of(
                            ServiceOrderProcess.Variables.SATISFACTION,
                            satisfaction.name(),
                            ServiceOrderProcess.Variables.EVALUATION_COMMENT,
                            comment == null ? "" : comment))
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "order-not-awaiting-evaluation");
        }
    }

    private boolean awaitingEvaluation(Order order) {
        return order.processInstanceId() != null
                && runtime.createEventSubscriptionQuery()
                                .processInstanceId(order.processInstanceId())
                                .eventName(ServiceOrderProcess.Messages.EVALUATED)
                                .count()
                        > 0;
    }

    private Order authorised(String orderNo, String accessCode, String clientAddress) {
        String hash = orders.accessCodeHash(orderNo).orElse(null);
        if (!accessCodes.opens(orderNo, accessCode, hash, clientAddress)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "order-not-found");
        }
        return orders.byNo(orderNo).orElseThrow();
    }
}
