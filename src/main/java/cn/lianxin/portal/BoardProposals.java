package cn.lianxin.portal;

import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.deliberation.DeliberationIntake;
import cn.lianxin.deliberation.ProposalRequest;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 提议题 from a village's board, as {@code POST /api/deliberations} does ({@link DeliberationIntake#propose}):
 * the same checks, with consent to the use of the name and phone asked first. The receipt (the topic's
 * number and its access code) is shown once, carried to the receipt page as a flash attribute — never
 * in a URL; the form's one-time key is the idempotency key, so a replayed POST opens no second topic.
 */
@Controller
class BoardProposals {

    /** What the person typed, shown again beside the errors. */
    public record Form(
            String title,
            String background,
            String affectedArea,
            String options,
            String proposerName,
            String phone,
            boolean consent) {

        static Form empty() {
            return new Form("", "", "", "", "", "", false);
        }
    }

    /** The receipt as the flash attribute carries it (in the session) to the receipt page. */
    public record Receipt(String deliberationNo, String accessCode, String villageName) implements Serializable {}

    private final DeliberationIntake intake;
    private final Units units;
    private final PublicLimits limits;
    private final Validator validator;

    BoardProposals(DeliberationIntake intake, Units units, PublicLimits limits, Validator validator) {
        this.intake = intake;
        this.units = units;
        this.limits = limits;
        this.validator = validator;
    }

    @GetMapping("/board/{villageCode}/propose")
    String form(@PathVariable String villageCode, Model model, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        Unit village = BoardPages.village(units, villageCode);
        show(village, Form.empty(), Map.of(), model);
        return "portal/board-propose";
    }

    @PostMapping("/board/{villageCode}/propose")
    String propose(
            @PathVariable String villageCode,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String background,
            @RequestParam(required = false) String affectedArea,
            @RequestParam(required = false) String options,
            @RequestParam(required = false) String proposerName,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String consent,
            @RequestParam(required = false) String formKey,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        Unit village = BoardPages.village(units, villageCode);
        Form form = new Form(
                text(title),
                text(background),
                text(affectedArea),
                text(options),
                text(proposerName),
                text(phone).trim(),
                "yes".equals(consent));
        ProposalRequest request = new ProposalRequest(
                form.title(),
                form.background(),
                form.affectedArea(),
                form.options(),
                form.proposerName(),
                form.phone(),
                village.code());
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : List.of("title", "background", "affectedArea", "options", "proposerName", "phone")) {
            validator.validateProperty(request, field).stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted()
                    .findFirst()
                    .ifPresent(message -> errors.put(field, message));
        }
        if (!form.consent()) {
            errors.put("consent", "请阅读并同意个人信息的使用说明，才能提交议题");
        }
        if (formKey == null || formKey.isBlank() || formKey.length() > 60) {
            errors.put("formKey", "表单已失效，请重新打开本页再提交");
        }
        if (errors.isEmpty()) {
            try {
                limits.take(Limit.INTAKE, http.getRemoteAddr());
                DeliberationIntake.Receipt receipt;
                try {
                    receipt = intake.propose(request, "board-" + formKey);
                } catch (DataIntegrityViolationException sameFormAtOnce) {
                    receipt = intake.propose(request, "board-" + formKey);
                }
                redirect.addFlashAttribute(
                        "receipt", new Receipt(receipt.deliberationNo(), receipt.accessCode(), village.name()));
                return "redirect:/board/" + village.code() + "/propose/receipt";
            } catch (ApiProblemException problem) {
                if (problem.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                    throw problem;
                }
                // the same one-time key with other words: a form sent from an old page
                errors.put("formKey", "这张表单已经提交过其他内容，请重新打开本页再提交");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        show(village, form, errors, model);
        return "portal/board-propose";
    }

    /** Shown once: a reload (no flash attribute left) goes back to the form. */
    @GetMapping("/board/{villageCode}/propose/receipt")
    String receipt(@PathVariable String villageCode, Model model) {
        Unit village = BoardPages.village(units, villageCode);
        if (!model.containsAttribute("receipt")) {
            return "redirect:/board/" + village.code() + "/propose";
        }
        model.addAttribute("village", village);
        return "portal/board-receipt";
    }

    private static void show(Unit village, Form form, Map<String, String> errors, Model model) {
        model.addAttribute("village", village);
        model.addAttribute("proposal", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", UUID.randomUUID().toString());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
