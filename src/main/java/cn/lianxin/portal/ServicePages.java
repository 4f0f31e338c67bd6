package cn.lianxin.portal;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.service.ServicePortal;
import cn.lianxin.service.ServicePortal.OrderForm;
import cn.lianxin.service.ServicePortal.OrderView;
import cn.lianxin.system.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 服务点单 as pages: choose a village, read its three lists (资源清单 to order from, 需求清单, 项目清单,
 * a page at a time), order a service (anonymous, the public limits, one order per form however often it
 * is sent) and get the number and access code once (post-redirect-get, the code in a flash attribute);
 * then 查单 with number and code (posted, never in a URL) and 评单 once the member has served. A wrong
 * code and an unknown number get the same answer.
 */
@Controller
class ServicePages {

    /** Entries per page of a list. */
    static final int PAGE_SIZE = 10;

    /** What the order form posts. */
    record OrderPost(
            Long resourceId,
            String preferredTime,
            String description,
            String address,
            String residentName,
            String phone,
            String consent,
            String formKey) {}

    /** The number and code that open an order, as every form of the order's page posts them. */
    record OrderKey(String orderNo, String accessCode) {

        OrderKey normalised() {
            return new OrderKey(AccessKeys.normalised(orderNo), AccessKeys.normalised(accessCode));
        }
    }

    /** An evaluation as its form posts it. */
    record EvaluationPost(String orderNo, String accessCode, String satisfaction, String comment) {}

    /** A satisfaction as the form offers it. */
    record Choice(String code, String label) {}

    /** One public step of the order, its time in China's zone. */
    record Step(String at, String entry) {}

    /**
     * The receipt shown once, carried to the receipt page by a flash attribute in the session (kept in the
     * database, so serializable); {@code accessCode} is null when a retried form found its first order.
     */
    record Receipt(String orderNo, String accessCode, String villageCode) implements java.io.Serializable {}

    /** The order form's fields in the order they are asked, with their names in the error summary. */
    static final Map<String, String> FIELDS = fields();

    /** What the order form may post; anything else is refused, nothing stored. */
    private static final Set<String> POSTED = Set.of(
            "resourceId",
            "preferredTime",
            "description",
            "address",
            "residentName",
            "phone",
            "consent",
            "formKey",
            "_csrf");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(WorkingDays.ZONE);

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("resourceId", "服务项目");
        fields.put("villageCode", "所在村（社区）");
        fields.put("preferredTime", "希望服务的时间");
        fields.put("description", "需要的服务");
        fields.put("address", "服务地址");
        fields.put("residentName", "姓名");
        fields.put("phone", "手机号码");
        fields.put("consent", "个人信息使用同意");
        return fields;
    }

    private final ServicePortal service;
    private final Units units;
    private final PublicLimits limits;
    private final Refusals refusals;

    ServicePages(ServicePortal service, Units units, PublicLimits limits, Refusals refusals) {
        this.service = service;
        this.units = units;
        this.limits = limits;
        this.refusals = refusals;
    }

    /**
     * One service photo of the order's page, by the signed link the page was given (ten minutes, no access
     * code in it); any other link is a 404 without a word of why.
     */
    @GetMapping("/service/photos/{orderNo}/{id}")
    ResponseEntity<byte[]> photo(
            @PathVariable String orderNo,
            @PathVariable String id,
            @RequestParam(required = false) Long until,
            @RequestParam(required = false) String sig,
            HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        return AccessKeys.signedPhoto(until, expiry -> service.photoBySignedLink(orderNo, id, expiry, sig));
    }

    // ---- the villages and their three lists ----

    @GetMapping("/service")
    String villages(Model model, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        model.addAttribute("towns", BoardPages.towns(units));
        return "portal/service-villages";
    }

    /** 资源清单: what the village offers, each with its order button; {@code ?before=} pages on. */
    @GetMapping("/service/{villageCode}")
    String offers(
            @PathVariable String villageCode,
            @RequestParam(required = false) Long before,
            Model model,
            HttpServletRequest http) {
        Unit village = list(villageCode, model, http, before);
        model.addAttribute("page", service.offers(village.code(), before, PAGE_SIZE));
        return "portal/service-offers";
    }

    /** 需求清单: what residents need (no resident named), newest first. */
    @GetMapping("/service/{villageCode}/needs")
    String needs(
            @PathVariable String villageCode,
            @RequestParam(required = false) Long before,
            Model model,
            HttpServletRequest http) {
        Unit village = list(villageCode, model, http, before);
        model.addAttribute("page", service.needs(village.code(), before, PAGE_SIZE));
        return "portal/service-needs";
    }

    /** 项目清单: what the station takes on, with its dates, status and owner unit. */
    @GetMapping("/service/{villageCode}/projects")
    String projects(
            @PathVariable String villageCode,
            @RequestParam(required = false) Long before,
            Model model,
            HttpServletRequest http) {
        Unit village = list(villageCode, model, http, before);
        model.addAttribute("page", service.projects(village.code(), before, PAGE_SIZE));
        return "portal/service-projects";
    }

    private Unit list(String villageCode, Model model, HttpServletRequest http, Long before) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        Unit village = service.village(villageCode).orElseThrow(BoardProblems.VillageNotFound::new);
        model.addAttribute("village", village);
        model.addAttribute("firstPage", before == null);
        model.addAttribute("day", DAY);
        return village;
    }

    // ---- 点单 ----

    /** The order form, for a service of the list ({@code ?resource=}) or for a need described. */
    @GetMapping("/service/{villageCode}/order")
    String orderForm(
            @PathVariable String villageCode,
            @RequestParam(name = "resource", required = false) Long resourceId,
            Model model,
            HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        Unit village = service.village(villageCode).orElseThrow(BoardProblems.VillageNotFound::new);
        OrderPost empty = new OrderPost(
                resourceId,
                null,
                null,
                null,
                null,
                null,
                null,
                UUID.randomUUID().toString());
        return orderPage(model, village, empty, Map.of(), null);
    }

    @PostMapping("/service/{villageCode}/order")
    String order(
            @PathVariable String villageCode,
            @ModelAttribute OrderPost posted,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest http,
            HttpServletResponse response) {
        Unit village = service.village(villageCode).orElseThrow(BoardProblems.VillageNotFound::new);
        OrderPost form = posted.formKey() == null
                        || posted.formKey().isBlank()
                        || posted.formKey().length() > 100
                ? new OrderPost(
                        posted.resourceId(),
                        posted.preferredTime(),
                        posted.description(),
                        posted.address(),
                        posted.residentName(),
                        posted.phone(),
                        posted.consent(),
                        UUID.randomUUID().toString())
                : posted;
        try {
            limits.take(Limit.REQUESTS, http.getRemoteAddr());
            List<String> unknown = http.getParameterMap().keySet().stream()
                    .filter(name -> !POSTED.contains(name))
                    .sorted()
                    .toList();
            if (!unknown.isEmpty()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return orderPage(
                        model, village, form, Map.of(), "表单里有本页没有的内容（" + String.join("、", unknown) + "），没有提交。请重新填写。");
            }
            OrderForm order = new OrderForm(
                    village.code(),
                    form.resourceId(),
                    form.residentName(),
                    form.phone(),
                    description(form),
                    form.address());
            Map<String, String> errors = problems(form, order);
            if (!errors.isEmpty()) {
                return orderPage(model, village, form, errors, null);
            }
            limits.take(Limit.INTAKE, http.getRemoteAddr());
            ServicePortal.Placed placed;
            try {
                placed = service.place(order, form.formKey());
            } catch (DataIntegrityViolationException concurrentRetry) {
                // the same form arrived twice at once: the first one won, answer with its order
                placed = service.place(order, form.formKey());
            }
            redirect.addFlashAttribute("receipt", new Receipt(placed.orderNo(), placed.accessCode(), village.code()));
            return "redirect:/service/receipt";
        } catch (ApiProblemException refusal) {
            if (Refusals.tooMany(refusal)) {
                return refusals.tooManyPage(refusal, model, response);
            }
            if (refusal.fieldErrors().isEmpty()) {
                throw refusal;
            }
            return orderPage(model, village, form, AccessKeys.fieldProblems(refusal), null);
        }
    }

    /** The receipt, shown once: a reload or a shared link finds no flash attribute and goes to 查单. */
    @GetMapping("/service/receipt")
    String receipt(Model model) {
        if (!(model.getAttribute("receipt") instanceof Receipt)) {
            return "redirect:/service/track";
        }
        return "portal/service-receipt";
    }

    /** The time that would suit goes with what is asked, as the member reads it on the dispatched order. */
    private static String description(OrderPost form) {
        String what = form.description() == null ? "" : form.description().trim();
        String when = form.preferredTime() == null ? "" : form.preferredTime().trim();
        return when.isEmpty() || what.isEmpty() ? what : what + "\n希望服务的时间：" + when;
    }

    /** Every field's problem: the API's checks on the order, plus what only the form asks. */
    private Map<String, String> problems(OrderPost form, OrderForm order) {
        Map<String, String> errors = new LinkedHashMap<>(service.problems(order));
        if (form.description() != null && form.description().trim().length() > 900) {
            errors.put("description", "不能超过 900 个字");
        }
        if (form.preferredTime() != null && form.preferredTime().trim().length() > 50) {
            errors.put("preferredTime", "不能超过 50 个字");
        }
        if (!"yes".equals(form.consent())) {
            errors.put("consent", "请阅读并勾选同意，我们才能为您派单");
        }
        return AccessKeys.inFieldOrder(errors, FIELDS);
    }

    private String orderPage(Model model, Unit village, OrderPost form, Map<String, String> errors, String problem) {
        model.addAttribute("village", village);
        model.addAttribute(
                "offer",
                form.resourceId() == null
                        ? null
                        : service.offer(village.code(), form.resourceId()).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldNames", FIELDS);
        model.addAttribute("problem", problem);
        return "portal/service-order";
    }

    // ---- 查单 · 评单 ----

    @GetMapping("/service/track")
    String trackForm(Model model) {
        return trackPage(model, new OrderKey("", ""), Map.of(), null);
    }

    @PostMapping("/service/track")
    String follow(@ModelAttribute OrderKey posted, Model model, HttpServletRequest http, HttpServletResponse response) {
        OrderKey key = posted.normalised();
        Map<String, String> errors =
                AccessKeys.problems("orderNo", "点单编号", "FW-20261206-000001", "回执", key.orderNo(), key.accessCode());
        if (!errors.isEmpty()) {
            return trackPage(model, key, errors, null);
        }
        return withOrder(key, model, http, response, view -> orderPage(model, key, view, null, null));
    }

    /** 评单, step one: the form, once the member has served. */
    @PostMapping("/service/track/evaluation")
    String evaluation(
            @ModelAttribute OrderKey posted, Model model, HttpServletRequest http, HttpServletResponse response) {
        OrderKey key = posted.normalised();
        return withOrder(key, model, http, response, view -> {
            if (!view.awaitingEvaluation()) {
                return orderPage(model, key, view, null, "党员登记服务完成后才能评价，每张单只能评价一次。");
            }
            return evaluationPage(model, key, view, null, null, Map.of());
        });
    }

    /** 评单, step two: sends it; the member's points are credited by the order's process. */
    @PostMapping("/service/track/evaluation/send")
    String evaluate(
            @ModelAttribute EvaluationPost form, Model model, HttpServletRequest http, HttpServletResponse response) {
        OrderKey key = new OrderKey(form.orderNo(), form.accessCode()).normalised();
        return withOrder(key, model, http, response, view -> {
            limits.take(Limit.POSTS, http.getRemoteAddr());
            Map<String, String> errors = AccessKeys.evaluationProblems(form.satisfaction(), form.comment());
            Satisfaction satisfaction = AccessKeys.satisfaction(form.satisfaction());
            if (!errors.isEmpty()) {
                return evaluationPage(model, key, view, form.satisfaction(), form.comment(), errors);
            }
            service.evaluate(key.orderNo(), key.accessCode(), http.getRemoteAddr(), satisfaction, form.comment());
            return orderPage(
                    model,
                    key,
                    service.view(key.orderNo(), key.accessCode(), http.getRemoteAddr()),
                    "感谢您的评价：" + satisfaction.label() + "。",
                    null);
        });
    }

    private interface OrderStep {
        String render(OrderView view);
    }

    /**
     * Opens the order with the posted key, then runs the step; a wrong key returns to the form with one
     * message (whether the number exists is not told), a conflict to the order page, an exhausted
     * limit to the 429 page.
     */
    private String withOrder(
            OrderKey key, Model model, HttpServletRequest http, HttpServletResponse response, OrderStep step) {
        return AccessKeys.opened(
                () -> {
                    limits.take(Limit.REQUESTS, http.getRemoteAddr());
                    return service.view(key.orderNo(), key.accessCode(), http.getRemoteAddr());
                },
                step::render,
                problem -> orderPage(
                        model, key, service.view(key.orderNo(), key.accessCode(), http.getRemoteAddr()), null, problem),
                notFound -> trackPage(model, new OrderKey(key.orderNo(), ""), Map.of(), notFound),
                refusals,
                model,
                response);
    }

    private String trackPage(Model model, OrderKey key, Map<String, String> errors, String notFound) {
        model.addAttribute("key", key);
        model.addAttribute("errors", errors);
        model.addAttribute("notFound", notFound);
        return "portal/service-track";
    }

    private String orderPage(Model model, OrderKey key, OrderView view, String notice, String problem) {
        model.addAttribute("key", key);
        model.addAttribute("view", view);
        model.addAttribute("createdAt", minute(view.createdAt()));
        model.addAttribute("closedAt", minute(view.closedAt()));
        model.addAttribute(
                "steps",
                view.timeline().stream()
                        .map(e -> new Step(minute(e.at()), e.entry()))
                        .toList());
        model.addAttribute("notice", notice);
        model.addAttribute("problem", problem);
        return "portal/service-case";
    }

    private String evaluationPage(
            Model model,
            OrderKey key,
            OrderView view,
            String satisfaction,
            String comment,
            Map<String, String> errors) {
        model.addAttribute("key", key);
        model.addAttribute("view", view);
        model.addAttribute("satisfaction", satisfaction);
        model.addAttribute("comment", comment);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "choices",
                Arrays.stream(Satisfaction.values())
                        .map(s -> new Choice(s.name(), s.label()))
                        .toList());
        return "portal/service-evaluate";
    }

    private static String minute(Instant at) {
        return at == null ? null : MINUTE.format(at.atZone(WorkingDays.ZONE));
    }
}
