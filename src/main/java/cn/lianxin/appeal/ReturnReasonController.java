package cn.lianxin.appeal;

import cn.lianxin.system.ApiProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/return-reasons}: the library of standard reasons for 一次性告知 that the return form
 * offers, per category (no category: offered for every category). Administrators maintain it.
 */
@RestController
@RequestMapping("/api/return-reasons")
class ReturnReasonController {

    record NewReturnReason(
            String category, @NotBlank(message = "必须填写理由") @Size(max = 500, message = "不能超过 500 个字") String reason) {}

    private final ReturnReasons reasons;

    ReturnReasonController(ReturnReasons reasons) {
        this.reasons = reasons;
    }

    /** The active reasons (a small library, kept in memory), for one category or all, general ones first. */
    @GetMapping
    List<ReturnReasons.ReturnReason> list(@RequestParam(required = false) String category) {
        return reasons.offeredFor(category);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('camunda-admin')")
    ResponseEntity<ReturnReasons.ReturnReason> add(@Valid @RequestBody NewReturnReason reason) {
        if (reason.category() != null && Category.ofCode(reason.category()).isEmpty()) {
            throw ApiProblemException.invalid(
                    List.of(new ApiProblemException.FieldError("category", "未知类别：" + reason.category())));
        }
        ReturnReasons.ReturnReason added =
                reasons.add(reason.category(), reason.reason().trim());
        return ResponseEntity.created(URI.create("/api/return-reasons/" + added.id()))
                .body(added);
    }

    /** Retires a reason: cases that already used it keep their text. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('camunda-admin')")
    ResponseEntity<Void> retire(@PathVariable long id) {
        reasons.retire(id).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        return ResponseEntity.noContent().build();
    }
}
