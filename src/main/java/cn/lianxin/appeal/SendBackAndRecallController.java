package cn.lianxin.appeal;

import cn.lianxin.system.ApiProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 驳回 and 撤回 of appeal steps: {@code POST /api/tasks/{id}/send-back}, {@code GET /api/tasks/recallable},
 * {@code POST /api/tasks/{completedTaskId}/recall}. Both take {@code {"reason": "…"}} and nothing else.
 */
@RestController
@RequestMapping("/api/tasks")
class SendBackAndRecallController {

    /** The longest reason, as for a citizen's withdrawal. */
    static final int MAX_REASON = 500;

    private final SendBack sendBack;
    private final Recalls recalls;

    SendBackAndRecallController(SendBack sendBack, Recalls recalls) {
        this.sendBack = sendBack;
        this.recalls = recalls;
    }

    @PostMapping("/{taskId}/send-back")
    ResponseEntity<Void> sendBack(@PathVariable String taskId, @RequestBody Map<String, Object> body) {
        sendBack.sendBack(taskId, reasonOf(body, "驳回理由"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/recallable")
    List<Recalls.Recallable> recallable() {
        return recalls.recallable();
    }

    @PostMapping("/{completedTaskId}/recall")
    ResponseEntity<Void> recall(@PathVariable String completedTaskId, @RequestBody Map<String, Object> body) {
        recalls.recall(completedTaskId, reasonOf(body, "撤回理由"));
        return ResponseEntity.noContent().build();
    }

    /** The body's one field {@code reason}: text of 1 to 500 characters; any other field is refused. */
    static String reasonOf(Map<String, Object> body, String label) {
        List<ApiProblemException.FieldError> errors = new ArrayList<>();
        body.keySet().stream()
                .filter(name -> !"reason".equals(name))
                .forEach(name -> errors.add(new ApiProblemException.FieldError(name, "不接受该字段")));
        Object reason = body.get("reason");
        String text = reason instanceof String given ? given.strip() : null;
        if (text == null || text.isEmpty()) {
            errors.add(new ApiProblemException.FieldError("reason", "必须填写" + label));
        } else if (text.length() > MAX_REASON) {
            errors.add(new ApiProblemException.FieldError("reason", label + "不能超过 " + MAX_REASON + " 字"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblemException.invalid(errors);
        }
        return text;
    }
}
