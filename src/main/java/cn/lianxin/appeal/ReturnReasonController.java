package cn.lianxin.appeal;

import cn.lianxin.system.ApiProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    record ReturnReason(long id, String category, String reason) {}

    record NewReturnReason(
            String category, @NotBlank(message = "必须填写理由") @Size(max = 500, message = "不能超过 500 个字") String reason) {}

    private final JdbcClient jdbc;

    ReturnReasonController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    List<ReturnReason> list(@RequestParam(required = false) String category) {
        return jdbc.sql(
                        "select id, category, reason from return_reason where active = true"
                                + " and (cast(? as varchar) is null or category is null or category = ?) order by category nulls first, id")
                .params(category, category)
                .query(ReturnReason.class)
                .list();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('camunda-admin')")
    ResponseEntity<ReturnReason> add(@Valid @RequestBody NewReturnReason reason) {
        if (reason.category() != null && Category.ofCode(reason.category()).isEmpty()) {
            throw ApiProblemException.invalid(
                    List.of(new ApiProblemException.FieldError("category", "未知类别：" + reason.category())));
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into return_reason (category, reason) values (?, ?)")
                .params(reason.category(), reason.reason().trim())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return ResponseEntity.created(URI.create("/api/return-reasons/" + id))
                .body(new ReturnReason(id, reason.category(), reason.reason().trim()));
    }

    /** Retires a reason: cases that already used it keep their text. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('camunda-admin')")
    ResponseEntity<Void> retire(@PathVariable long id) {
        int updated = jdbc.sql("update return_reason set active = false where id = ?")
                .param(id)
                .update();
        if (updated == 0) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return ResponseEntity.noContent().build();
    }
}
