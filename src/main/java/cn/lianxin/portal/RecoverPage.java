package cn.lianxin.portal;

import cn.lianxin.appeal.AccessCodeRecovery;
import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.system.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 找回查询码: number and phone → a one-time code by SMS (the answer is the same whether they
 * matched) → the code → a new access code, shown once (flash attribute, post-redirect-get).
 */
@Controller
class RecoverPage {

    /** Step one as its form posts it. */
    record Claim(String trackingNo, String phone) {}

    /** Step two as its form posts it. */
    record Proof(String trackingNo, String code) {}

    /** Shown once on the last page, carried there in the session (kept in the database, so serializable). */
    record NewCode(String trackingNo, String accessCode) implements Serializable {}

    private final AccessCodeRecovery recovery;
    private final PublicLimits limits;
    private final Refusals refusals;

    RecoverPage(AccessCodeRecovery recovery, PublicLimits limits, Refusals refusals) {
        this.recovery = recovery;
        this.limits = limits;
        this.refusals = refusals;
    }

    @GetMapping("/recover")
    String form(Model model) {
        return claimPage(model, new Claim("", ""), Map.of());
    }

    @PostMapping("/recover")
    String sendCode(@ModelAttribute Claim posted, Model model, HttpServletRequest http, HttpServletResponse response) {
        Claim claim = new Claim(
                number(posted.trackingNo()),
                posted.phone() == null ? "" : posted.phone().trim());
        Map<String, String> errors = new LinkedHashMap<>();
        if (claim.trackingNo().isEmpty() || claim.trackingNo().length() > 32) {
            errors.put("trackingNo", "请填写受理编号，例如 LX-20261206-000001");
        }
        if (!claim.phone().matches("1[3-9]\\d{9}")) {
            errors.put("phone", "请填写提交诉求时留下的 11 位手机号码");
        }
        try {
            limits.take(Limit.REQUESTS, http.getRemoteAddr());
            if (!errors.isEmpty()) {
                return claimPage(model, claim, errors);
            }
            recovery.sendCode(claim.trackingNo(), claim.phone(), http.getRemoteAddr());
            return proofPage(model, claim.trackingNo(), Map.of());
        } catch (ApiProblemException refusal) {
            if (Refusals.tooMany(refusal)) {
                return refusals.tooManyPage(refusal, model, response);
            }
            throw refusal;
        }
    }

    @PostMapping("/recover/confirm")
    String confirm(
            @ModelAttribute Proof proof,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest http,
            HttpServletResponse response) {
        String trackingNo = number(proof.trackingNo());
        String code = proof.code() == null ? "" : proof.code().trim();
        try {
            limits.take(Limit.REQUESTS, http.getRemoteAddr());
            if (!code.matches("\\d{6}")) {
                return proofPage(model, trackingNo, Map.of("code", "请填写短信中的 6 位数字验证码"));
            }
            Optional<String> accessCode = recovery.newAccessCode(trackingNo, code, http.getRemoteAddr());
            if (accessCode.isEmpty()) {
                return proofPage(model, trackingNo, Map.of("code", "验证码不正确或已失效（10 分钟内有效，最多输错 5 次）。可以返回上一步重新获取。"));
            }
            redirect.addFlashAttribute("newCode", new NewCode(trackingNo, accessCode.get()));
            return "redirect:/recover/done";
        } catch (ApiProblemException refusal) {
            if (Refusals.tooMany(refusal)) {
                return refusals.tooManyPage(refusal, model, response);
            }
            throw refusal;
        }
    }

    /** The new code, shown once: a reload finds no flash attribute and goes back to the first step. */
    @GetMapping("/recover/done")
    String done(Model model) {
        if (!(model.getAttribute("newCode") instanceof NewCode)) {
            return "redirect:/recover";
        }
        return "portal/recover-done";
    }

    private String claimPage(Model model, Claim claim, Map<String, String> errors) {
        model.addAttribute("claim", claim);
        model.addAttribute("errors", errors);
        return "portal/recover";
    }

    private String proofPage(Model model, String trackingNo, Map<String, String> errors) {
        model.addAttribute("trackingNo", trackingNo);
        model.addAttribute("errors", errors);
        return "portal/recover-code";
    }

    private static String number(String trackingNo) {
        return trackingNo == null ? "" : trackingNo.trim().toUpperCase(Locale.ROOT);
    }
}
