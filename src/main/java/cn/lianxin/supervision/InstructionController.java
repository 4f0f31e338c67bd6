package cn.lianxin.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{trackingNo}/instructions}: a leader's instruction (批示) opens a supervision. */
@RestController
class InstructionController {

    record Instruction(
            @NotBlank(message = "必须填写批示内容") @Size(max = 1000, message = "不能超过 1000 个字") String instruction) {}

    private final Supervisions supervisions;

    InstructionController(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    @PostMapping("/api/cases/{trackingNo}/instructions")
    @PreAuthorize("hasAuthority('leader')")
    ResponseEntity<Map<String, String>> instruct(
            @PathVariable String trackingNo, @Valid @RequestBody Instruction instruction, Principal leader) {
        String supervision = supervisions.instruct(trackingNo, leader.getName(), instruction.instruction());
        return ResponseEntity.created(URI.create("/api/cases/" + trackingNo))
                .body(Map.of("supervisionId", supervision));
    }
}
