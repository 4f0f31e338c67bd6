package cn.lianxin.portal;

import cn.lianxin.appeal.AppealPortal;
import cn.lianxin.appeal.AppealPortal.PublicView;
import cn.lianxin.appeal.Photos;
import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.citizen.Satisfaction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 查询进度: the tracking number and the access code are posted (never put in a URL), and every
 * later form of the case — 评价, 撤回 — posts them again in hidden fields. A wrong code and an unknown
 * number get the same answer; the access-code limits of {@link AppealPortal} apply.
 */
@Controller
class TrackPage {

    /** The number and code that open a case, as every form of this page posts them. */
    record CaseKey(String trackingNo, String accessCode) {

        CaseKey normalised() {
            return new CaseKey(AccessKeys.normalised(trackingNo), AccessKeys.normalised(accessCode));
        }
    }

    /** An evaluation as its form posts it. */
    record EvaluationForm(String trackingNo, String accessCode, String satisfaction, String comment) {}

    /** A withdrawal as its form posts it. */
    record WithdrawalForm(String trackingNo, String accessCode, String reason) {}

    /** A satisfaction as the form offers it. */
    record Choice(String code, String label) {}

    /** One step of the timeline, its time in China's zone. */
    record Step(String at, String entry) {}

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final AppealPortal portal;
    private final PublicLimits limits;
    private final Refusals refusals;
    private final Photos photos;

    TrackPage(AppealPortal portal, PublicLimits limits, Refusals refusals, Photos photos) {
        this.portal = portal;
        this.limits = limits;
        this.refusals = refusals;
        this.photos = photos;
    }

    /**
     * One photo of the case page, by the signed link the page was given (PhotoLinks: ten minutes, no
     * access code in it); any other link is a 404 without a word of why.
     */
    @GetMapping("/track/photos/{trackingNo}/{id}")
    ResponseEntity<byte[]> photo(
            @PathVariable String trackingNo,
            @PathVariable String id,
            @RequestParam(required = false) Long until,
            @RequestParam(required = false) String sig,
            HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        return AccessKeys.signedPhoto(until, expiry -> photos.bySignedLink(trackingNo, id, expiry, sig));
    }

    @GetMapping("/track")
    String form(Model model) {
        return trackForm(model, new CaseKey("", ""), Map.of(), null);
    }

    @PostMapping("/track")
    String follow(@ModelAttribute CaseKey posted, Model model, HttpServletRequest http, HttpServletResponse response) {
        CaseKey key = posted.normalised();
        Map<String, String> errors = AccessKeys.problems(
                "trackingNo", "受理编号", "LX-20261206-000001", "短信", key.trackingNo(), key.accessCode());
        if (!errors.isEmpty()) {
            return trackForm(model, key, errors, null);
        }
        return withCase(key, model, http, response, view -> casePage(model, key, view, null, null));
    }

    /** 评价, step one: the form, when the case asks for an evaluation. */
    @PostMapping("/track/evaluation")
    String evaluation(
            @ModelAttribute CaseKey posted, Model model, HttpServletRequest http, HttpServletResponse response) {
        CaseKey key = posted.normalised();
        return withCase(key, model, http, response, view -> {
            if (!view.canEvaluate()) {
                return casePage(model, key, view, null, "办理结果反馈给您之后才能评价，每次反馈只能评价一次。");
            }
            return evaluationPage(model, key, view, null, null, Map.of());
        });
    }

    /** 评价, step two: sends it. */
    @PostMapping("/track/evaluation/send")
    String evaluate(
            @ModelAttribute EvaluationForm form, Model model, HttpServletRequest http, HttpServletResponse response) {
        CaseKey key = new CaseKey(form.trackingNo(), form.accessCode()).normalised();
        return withCase(key, model, http, response, view -> {
            Map<String, String> errors = AccessKeys.evaluationProblems(form.satisfaction(), form.comment());
            Satisfaction satisfaction = AccessKeys.satisfaction(form.satisfaction());
            if (!errors.isEmpty()) {
                return evaluationPage(model, key, view, form.satisfaction(), form.comment(), errors);
            }
            portal.evaluate(key.trackingNo(), key.accessCode(), http.getRemoteAddr(), satisfaction, form.comment());
            return casePage(
                    model,
                    key,
                    portal.view(key.trackingNo(), key.accessCode(), http.getRemoteAddr()),
                    "感谢您的评价：" + satisfaction.label() + "。",
                    null);
        });
    }

    /** 撤回, step one: asks for the reason and says what withdrawing means. */
    @PostMapping("/track/withdrawal")
    String withdrawal(
            @ModelAttribute CaseKey posted, Model model, HttpServletRequest http, HttpServletResponse response) {
        CaseKey key = posted.normalised();
        return withCase(key, model, http, response, view -> {
            if (!"OPEN".equals(view.status())) {
                return casePage(model, key, view, null, "该诉求已" + view.statusLabel() + "，不能再撤回。");
            }
            return withdrawalPage(model, key, view, null, Map.of());
        });
    }

    /** 撤回, step two: confirmed with a reason. */
    @PostMapping("/track/withdrawal/confirm")
    String withdraw(
            @ModelAttribute WithdrawalForm form, Model model, HttpServletRequest http, HttpServletResponse response) {
        CaseKey key = new CaseKey(form.trackingNo(), form.accessCode()).normalised();
        return withCase(key, model, http, response, view -> {
            String reason = form.reason() == null ? "" : form.reason().trim();
            Map<String, String> errors = new LinkedHashMap<>();
            if (reason.isEmpty()) {
                errors.put("reason", "请说明撤回的原因");
            } else if (reason.length() > 500) {
                errors.put("reason", "撤回原因不能超过 500 个字");
            }
            if (!errors.isEmpty()) {
                return withdrawalPage(model, key, view, form.reason(), errors);
            }
            portal.withdraw(key.trackingNo(), key.accessCode(), http.getRemoteAddr(), reason);
            return casePage(
                    model,
                    key,
                    portal.view(key.trackingNo(), key.accessCode(), http.getRemoteAddr()),
                    "您的诉求已撤回，不再办理。",
                    null);
        });
    }

    private interface CaseStep {
        String render(PublicView view);
    }

    /**
     * Opens the case with the posted key, then runs the step; a wrong key returns to the tracking
     * form with one message (whether the number exists is not told), a conflict to the case page, an
     * exhausted limit to the 429 page.
     */
    private String withCase(
            CaseKey key, Model model, HttpServletRequest http, HttpServletResponse response, CaseStep step) {
        return AccessKeys.opened(
                () -> {
                    limits.take(Limit.REQUESTS, http.getRemoteAddr());
                    return portal.view(key.trackingNo(), key.accessCode(), http.getRemoteAddr());
                },
                step::render,
                problem -> casePage(
                        model,
                        key,
                        portal.view(key.trackingNo(), key.accessCode(), http.getRemoteAddr()),
                        null,
                        problem),
                notFound -> trackForm(model, new CaseKey(key.trackingNo(), ""), Map.of(), notFound),
                refusals,
                model,
                response);
    }

    private String trackForm(Model model, CaseKey key, Map<String, String> errors, String notFound) {
        model.addAttribute("key", key);
        model.addAttribute("errors", errors);
        model.addAttribute("notFound", notFound);
        return "portal/track";
    }

    private String casePage(Model model, CaseKey key, PublicView view, String notice, String problem) {
        model.addAttribute("key", key);
        model.addAttribute("view", view);
        model.addAttribute("submittedAt", minute(view.submittedAt()));
        model.addAttribute("closedAt", minute(view.closedAt()));
        model.addAttribute(
                "dueAt", view.dueAt() == null ? null : DAY.format(view.dueAt().atZone(WorkingDays.ZONE)));
        model.addAttribute(
                "steps",
                view.timeline().stream()
                        .map(e -> new Step(minute(e.at()), e.entry()))
                        .toList());
        model.addAttribute("notice", notice);
        model.addAttribute("problem", problem);
        model.addAttribute("photos", photos.shownToCitizen(view.trackingNo()));
        return "portal/case";
    }

    private String evaluationPage(
            Model model,
            CaseKey key,
            PublicView view,
            String satisfaction,
            String comment,
            Map<String, String> errors) {
        model.addAttribute("key", key);
        model.addAttribute("view", view);
        model.addAttribute("satisfaction", satisfaction);
        model.addAttribute("comment", comment);
        model.addAttribute("errors", errors);
        model.addAttribute("photos", photos.shownToCitizen(view.trackingNo()));
        model.addAttribute(
                "choices",
                Arrays.stream(Satisfaction.values())
                        .map(s -> new Choice(s.name(), s.label()))
                        .toList());
        return "portal/evaluate";
    }

    private String withdrawalPage(
            Model model, CaseKey key, PublicView view, String reason, Map<String, String> errors) {
        model.addAttribute("key", key);
        model.addAttribute("view", view);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "portal/withdraw";
    }

    private static String minute(Instant at) {
        return at == null ? null : MINUTE.format(at.atZone(WorkingDays.ZONE));
    }
}
