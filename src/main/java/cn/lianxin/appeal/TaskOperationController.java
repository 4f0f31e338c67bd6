package cn.lianxin.appeal;

import cn.lianxin.citizen.RefusesUnknownFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workbench operations on an open task besides completing it (docs/processes.md “办理操作”):
 * 转办, 委派 and its hand-back, 催办, comments, and a station head's 批量转派. Each is checked in its
 * own terms (docs/identity.md) and recorded in the case log; bodies refuse fields they do not declare.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskOperationController {

    record TransferRequest(
            @Size(max = 64, message = "不能超过 64 个字符") String toUser,
            @Size(max = 64, message = "不能超过 64 个字符") String toGroup,
            @NotBlank(message = "必须填写转办原因") @Size(max = 500, message = "不能超过 500 个字") String reason)
            implements RefusesUnknownFields {}

    record DelegationRequest(
            @NotBlank(message = "必须选择委派给谁") @Size(max = 64, message = "不能超过 64 个字符") String toUser,
            @NotBlank(message = "必须填写委派原因") @Size(max = 500, message = "不能超过 500 个字") String reason)
            implements RefusesUnknownFields {}

    record ResolutionRequest(@NotBlank(message = "必须填写办理情况") @Size(max = 500, message = "不能超过 500 个字") String note)
            implements RefusesUnknownFields {}

    record UrgeRequest(@NotBlank(message = "必须填写催办内容") @Size(max = 500, message = "不能超过 500 个字") String message)
            implements RefusesUnknownFields {}

    record CommentRequest(@NotBlank(message = "必须填写评论内容") @Size(max = 500, message = "不能超过 500 个字") String message)
            implements RefusesUnknownFields {}

    record ReassignmentRequest(
            @NotBlank(message = "必须选择原办理人") @Size(max = 64, message = "不能超过 64 个字符") String fromUser,
            @NotBlank(message = "必须选择新办理人") @Size(max = 64, message = "不能超过 64 个字符") String toUser,
            @NotBlank(message = "必须填写转派原因") @Size(max = 500, message = "不能超过 500 个字") String reason)
            implements RefusesUnknownFields {}

    private final TaskTransfer transfers;
    private final TaskDelegation delegations;
    private final DelegationResolution resolutions;
    private final TaskUrge urges;
    private final TaskComments comments;
    private final Reassignment reassignment;

    TaskOperationController(
            TaskTransfer transfers,
            TaskDelegation delegations,
            DelegationResolution resolutions,
            TaskUrge urges,
            TaskComments comments,
            Reassignment reassignment) {
        this.transfers = transfers;
        this.delegations = delegations;
        this.resolutions = resolutions;
        this.urges = urges;
        this.comments = comments;
        this.reassignment = reassignment;
    }

    @PostMapping("/{taskId}/transfer")
    ResponseEntity<Void> transfer(@PathVariable String taskId, @Valid @RequestBody TransferRequest request) {
        transfers.transfer(taskId, request.toUser(), request.toGroup(), request.reason());
        return ResponseEntity.noContent().build();
    }

    /** Who the user may transfer or delegate the task to: {@code {"users": [...], "groups": [...]}}. */
    @GetMapping("/{taskId}/transfer-targets")
    OperatedTasks.Targets transferTargets(@PathVariable String taskId) {
        return transfers.targets(taskId);
    }

    @PostMapping("/{taskId}/delegation")
    ResponseEntity<Void> delegate(@PathVariable String taskId, @Valid @RequestBody DelegationRequest request) {
        delegations.delegate(taskId, request.toUser(), request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/resolution")
    ResponseEntity<Void> resolve(@PathVariable String taskId, @Valid @RequestBody ResolutionRequest request) {
        resolutions.resolve(taskId, request.note());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/urge")
    ResponseEntity<Void> urge(@PathVariable String taskId, @Valid @RequestBody UrgeRequest request) {
        urges.urge(taskId, request.message());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{taskId}/comments")
    List<TaskComments.TaskComment> comments(@PathVariable String taskId) {
        return comments.comments(taskId);
    }

    @PostMapping("/{taskId}/comments")
    ResponseEntity<TaskComments.TaskComment> comment(
            @PathVariable String taskId, @Valid @RequestBody CommentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(comments.comment(taskId, request.message()));
    }

    /** 批量转派: {@code {"moved": n, "taskIds": [...]}}. */
    @PostMapping("/reassignment")
    Reassignment.Moved reassign(@Valid @RequestBody ReassignmentRequest request) {
        return reassignment.reassign(request.fromUser(), request.toUser(), request.reason());
    }

    /** The people of the station head's village with their open tasks: {@code {"users": [...]}}. */
    @GetMapping("/reassignment/people")
    Map<String, List<Reassignment.Person>> people() {
        return Map.of("users", reassignment.people());
    }
}
