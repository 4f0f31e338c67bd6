package cn.lianxin.appeal;

import cn.lianxin.system.ListPage;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tasks}: a cadre's open appeal tasks, the completion of any appeal or deliberation
 * task, and the audited reveal of personal data.
 */
@RestController
@RequestMapping("/api/tasks")
class CadreTaskController {

    private final CadreTasks cadreTasks;

    CadreTaskController(CadreTasks cadreTasks) {
        this.cadreTasks = cadreTasks;
    }

    /** {@code ?page=0&size=20} (size 1 to 100): a page of the user's open appeal tasks, oldest first. */
    @GetMapping
    ListPage<CadreTasks.TaskSummary> mine(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return cadreTasks.openTasks(ListPage.numbered(page, size));
    }

    /** Body: the task's fields as JSON, e.g. {@code {"path": "PROMISED", "promisedDays": 3}}. */
    @PostMapping("/{taskId}/completion")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Map<String, Object> data) {
        cadreTasks.complete(taskId, data);
        return ResponseEntity.noContent().build();
    }

    /** The operations ({@code transfer}, {@code send-back} …) the user may do to the task now. */
    @GetMapping("/{taskId}/operations")
    CadreTasks.Operations operations(@PathVariable String taskId) {
        return cadreTasks.operations(taskId);
    }

    @GetMapping("/{taskId}/citizen")
    CadreTasks.Citizen citizen(@PathVariable String taskId) {
        return cadreTasks.revealCitizen(taskId);
    }
}
