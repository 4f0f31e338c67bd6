package cn.lianxin.service;

import cn.lianxin.appeal.PhotoLinks;
import cn.lianxin.citizen.Masking;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.member.PartyMember;
import cn.lianxin.member.PartyMembers;
import cn.lianxin.member.Volunteers;
import cn.lianxin.service.ListKinds.NeedSource;
import cn.lianxin.service.ListKinds.ProjectStatus;
import cn.lianxin.service.ListKinds.ProviderKind;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineClock;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 群众点单 as the portal's pages (portal/ServicePages) read and do it: a village's three lists as the
 * public sees them (no person's name, no resident's data, paged newest first), an order placed from the
 * menu ({@link OrderIntake}, the API's own checks), and an order followed and evaluated with its access
 * code ({@link OrderProgress}: a wrong code and an unknown number answer alike, guesses limited).
 */
@Service
public class ServicePortal {

    /** A service on the resource list: who offers it by kind; a unit's or partner's name, never a person's. */
    public record Offer(long id, String title, String description, String providerKindLabel, String provider) {}

    /** A need on the need list: what, where it was heard, whether still open — no resident, no case number. */
    public record PublicNeed(long id, String title, String sourceLabel, boolean open, Instant createdAt) {}

    /** A project: its owner only when that is a unit of the platform (a person's name is not published). */
    public record PublicProject(
            long id,
            String title,
            String description,
            String ownerUnit,
            LocalDate startsOn,
            LocalDate endsOn,
            String statusLabel) {}

    /** What the order form posts, as {@code POST /api/service-orders} takes it. */
    public record OrderForm(
            String villageCode,
            Long resourceId,
            String residentName,
            String phone,
            String description,
            String address) {

        OrderRequest request() {
            return new OrderRequest(residentName, phone, villageCode, resourceId, description, address);
        }
    }

    /** The receipt: the code is null when a retried form found the order it had placed. */
    public record Placed(String orderNo, String accessCode) {}

    /** One public step of the order. */
    public record Step(Instant at, String entry) {}

    /** A photo of the service by a signed link (ten minutes): no link carries the order's access code. */
    public record LinkedPhoto(String url, int width, int height) {}

    /** The order as its resident sees it: names masked, no phone. */
    public record OrderView(
            String orderNo,
            String status,
            String statusLabel,
            String villageName,
            String resourceTitle,
            String description,
            String resident,
            String member,
            Integer minutesServed,
            String serviceRecord,
            boolean awaitingEvaluation,
            String satisfactionLabel,
            String trackingNo,
            String lightLabel,
            Instant createdAt,
            Instant closedAt,
            List<Step> timeline,
            List<LinkedPhoto> photos) {}

    private final JdbcClient jdbc;
    private final VillageStaff staff;
    private final VillageLists lists;
    private final OrderIntake intake;
    private final OrderProgress progress;
    private final OrderPhotos photos;
    private final ServiceOrders orders;
    private final PartyMembers members;
    private final Volunteers volunteers;
    private final Units units;
    private final Validator validator;
    private final PhotoLinks links;

    ServicePortal(
            JdbcClient jdbc,
            VillageStaff staff,
            VillageLists lists,
            OrderIntake intake,
            OrderProgress progress,
            OrderPhotos photos,
            ServiceOrders orders,
            PartyMembers members,
            Volunteers volunteers,
            Units units,
            Validator validator,
            PhotoLinks links) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.lists = lists;
        this.intake = intake;
        this.progress = progress;
        this.photos = photos;
        this.orders = orders;
        this.members = members;
        this.volunteers = volunteers;
        this.units = units;
        this.validator = validator;
        this.links = links;
    }

    /** The village of this code, if it is one. */
    public Optional<Unit> village(String code) {
        return staff.village(code);
    }

    // ---- the three lists, public ----

    /** The open services of the village, newest first, after {@code before}. */
    public ListPage<Offer> offers(String village, Long before, int size) {
        return ListPage.after(
                jdbc.sql("select id, title, description, provider_kind, provider_name from village_resource"
                                + " where village_code = ? and closed_at is null and id < ? order by id desc limit ?")
                        .params(village, before == null ? Long.MAX_VALUE : before, size + 1)
                        .query((rs, row) -> offer(
                                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                        .list(),
                size,
                o -> Long.toString(o.id()));
    }

    /** One open service of the village, to order. */
    public Optional<Offer> offer(String village, long id) {
        return lists.resource(village, id)
                .filter(VillageLists.Resource::open)
                .map(r -> offer(r.id(), r.title(), r.description(), r.providerKind(), r.providerName()));
    }

    /** The village's needs, newest first, after {@code before}. */
    public ListPage<PublicNeed> needs(String village, Long before, int size) {
        return ListPage.after(
                jdbc.sql("select id, title, source, closed_at is null, created_at from village_need"
                                + " where village_code = ? and id < ? order by id desc limit ?")
                        .params(village, before == null ? Long.MAX_VALUE : before, size + 1)
                        .query((rs, row) -> new PublicNeed(
                                rs.getLong(1),
                                rs.getString(2),
                                NeedSource.valueOf(rs.getString(3)).label,
                                rs.getBoolean(4),
                                rs.getTimestamp(5).toInstant()))
                        .list(),
                size,
                n -> Long.toString(n.id()));
    }

    /** The village's projects not closed, newest first, after {@code before}. */
    public ListPage<PublicProject> projects(String village, Long before, int size) {
        Set<String> unitNames = units.all().stream().map(Unit::name).collect(Collectors.toSet());
        return ListPage.after(
                jdbc.sql("select id, title, description, owner, starts_on, ends_on, status from village_project"
                                + " where village_code = ? and status <> 'CLOSED' and id < ? order by id desc limit ?")
                        .params(village, before == null ? Long.MAX_VALUE : before, size + 1)
                        .query((rs, row) -> {
                            Date ends = rs.getDate(6);
                            return new PublicProject(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    unitNames.contains(rs.getString(4)) ? rs.getString(4) : null,
                                    rs.getDate(5).toLocalDate(),
                                    ends == null ? null : ends.toLocalDate(),
                                    ProjectStatus.valueOf(rs.getString(7)).label);
                        })
                        .list(),
                size,
                p -> Long.toString(p.id()));
    }

    private static Offer offer(long id, String title, String description, String kind, String name) {
        ProviderKind provider = ProviderKind.valueOf(kind);
        return new Offer(id, title, description, provider.label, provider.isPerson() ? null : name);
    }

    // ---- 点单 ----

    /** Every field's problem as the API's checks word it (field → message, in the record's order). */
    public Map<String, String> problems(OrderForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<OrderRequest> violation : validator.validate(form.request())) {
            errors.merge(violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a);
        }
        return errors;
    }

    /**
     * Places the order; the same form again ({@code formKey}, its Idempotency-Key) finds the first order
     * and gets no code. An unknown village or a service not on its open list is a 400 naming the field.
     */
    public Placed place(OrderForm form, String formKey) {
        OrderIntake.Receipt receipt = intake.place(form.request(), formKey);
        return new Placed(receipt.orderNo(), receipt.created() ? receipt.accessCode() : null);
    }

    // ---- 查单 · 评单 ----

    /** The order for its number and code; 404 {@code order-not-found} for a wrong code or an unknown number. */
    public OrderView view(String orderNo, String accessCode, String clientAddress) {
        OrderProgress.PublicView view = progress.view(orderNo, accessCode, clientAddress);
        ServiceOrders.Order order = orders.byNo(orderNo).orElseThrow();
        return new OrderView(
                view.orderNo(),
                view.status(),
                view.statusLabel(),
                view.villageName(),
                view.resourceTitle(),
                view.description(),
                view.resident(),
                servedBy(order),
                view.minutesServed(),
                view.serviceRecord(),
                view.awaitingEvaluation(),
                view.satisfaction() == null
                        ? null
                        : Satisfaction.valueOf(view.satisfaction()).label(),
                view.trackingNo(),
                view.lightLabel(),
                view.createdAt(),
                view.closedAt(),
                view.timeline().stream().map(e -> new Step(e.at(), e.entry())).toList(),
                photoLinks(order, accessCode));
    }

    /** 评单: 409 {@code order-not-awaiting-evaluation} unless the order waits for it; credits the member's points. */
    public void evaluate(
            String orderNo, String accessCode, String clientAddress, Satisfaction satisfaction, String comment) {
        progress.evaluate(orderNo, accessCode, clientAddress, satisfaction, comment);
    }

    /**
     * The service photos the resident may see (once the service is recorded), each by a link signed over
     * the order, the photo and an expiry ten minutes ahead ({@code GET /service/photos/{no}/{id}}).
     */
    private List<LinkedPhoto> photoLinks(ServiceOrders.Order order, String accessCode) {
        long until = EngineClock.now().plus(PhotoLinks.VALID_FOR).getEpochSecond();
        return photos.forResident(order, accessCode).stream()
                .map(p -> new LinkedPhoto(
                        "/service/photos/" + order.orderNo() + "/" + p.id() + "?until=" + until + "&sig="
                                + links.sign(order.orderNo(), p.id(), until),
                        p.width(),
                        p.height()))
                .toList();
    }

    /** A photo by its signed link; 404 for any other link, and for a photo the resident may not see (yet). */
    public byte[] photoBySignedLink(String orderNo, String id, long until, String signature) {
        if (!links.holds(orderNo, id, until, signature, EngineClock.now())) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        ServiceOrders.Order order =
                orders.byNo(orderNo).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        return photos.photoForResident(order, id);
    }

    /**
     * Who the order was last dispatched to, as the resident reads it: 党员 or 志愿者 and the masked name — never
     * a phone or an account; none before the dispatch.
     */
    private String servedBy(ServiceOrders.Order order) {
        if (order.memberId() != null) {
            return memberName(order);
        }
        return Optional.ofNullable(order.volunteerId())
                .flatMap(volunteers::nameOf)
                .map(name -> "志愿者 " + Masking.name(name))
                .orElse(null);
    }

    /** 党员 and the masked name of the member dispatched, as the village's confirmed members know them. */
    private String memberName(ServiceOrders.Order order) {
        return "党员 "
                + members.confirmedOf(order.villageCode()).stream()
                        .filter(m -> m.userId().equals(order.memberId()))
                        .map(PartyMember::name)
                        .map(Masking::name)
                        .findFirst()
                        .orElse("");
    }
}
