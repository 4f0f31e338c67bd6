package cn.lianxin.appeal;

import cn.lianxin.citizen.IdempotencyKeys;
import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.citizen.RefusesUnknownFields;
import cn.lianxin.citizen.Satisfaction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's side of a request (DESIGN §3): public, guarded by the access code and by the
 * public limits (per client address; access codes also per tracking number).
 */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

    record Receipt(String trackingNo, String accessCode) {}

    record Evaluation(
            @NotBlank(message = "必须填写查询码") String accessCode,
            @NotNull(message = "必须选择 SATISFIED、BASICALLY_SATISFIED 或 UNSATISFIED") Satisfaction satisfaction,
            @Size(max = 500, message = "不能超过 500 个字") String comment)
            implements RefusesUnknownFields {}

    record Withdrawal(
            @NotBlank(message = "必须填写查询码") String accessCode,
            @NotBlank(message = "必须说明撤回原因") @Size(max = 500, message = "不能超过 500 个字") String reason)
            implements RefusesUnknownFields {}

    private final AppealIntake intake;
    private final AppealPortal portal;
    private final PublicLimits limits;

    AppealController(AppealIntake intake, AppealPortal portal, PublicLimits limits) {
        this.intake = intake;
        this.portal = portal;
        this.limits = limits;
    }

    @PostMapping
    ResponseEntity<Receipt> submit(
            @Valid @RequestBody IntakeRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http) {
        IdempotencyKeys.checkHeader(idempotencyKey);
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        limits.take(Limit.INTAKE, http.getRemoteAddr());
        AppealIntake.Receipt receipt;
        try {
            receipt = intake.intake(request, idempotencyKey);
        } catch (DataIntegrityViolationException concurrentRetry) {
            // the same Idempotency-Key arrived twice at once: the first one won, answer with its case
            receipt = intake.intake(request, idempotencyKey);
        }
        Receipt body = new Receipt(receipt.trackingNo(), receipt.accessCode());
        return receipt.created()
                ? ResponseEntity.created(URI.create("/api/appeals/" + receipt.trackingNo()))
                        .body(body)
                : ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body);
    }

    @GetMapping("/{trackingNo}")
    AppealPortal.PublicView progress(
            @PathVariable String trackingNo, @RequestParam String accessCode, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        return portal.view(trackingNo, accessCode, http.getRemoteAddr());
    }

    @PostMapping("/{trackingNo}/evaluation")
    ResponseEntity<Void> evaluate(
            @PathVariable String trackingNo, @Valid @RequestBody Evaluation evaluation, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        portal.evaluate(
                trackingNo,
                evaluation.accessCode(),
                http.getRemoteAddr(),
                evaluation.satisfaction(),
                evaluation.comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{trackingNo}/withdrawal")
    ResponseEntity<Void> withdraw(
            @PathVariable String trackingNo, @Valid @RequestBody Withdrawal withdrawal, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        portal.withdraw(trackingNo, withdrawal.accessCode(), http.getRemoteAddr(), withdrawal.reason());
        return ResponseEntity.noContent().build();
    }
}
