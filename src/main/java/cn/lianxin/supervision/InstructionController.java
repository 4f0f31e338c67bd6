package cn.lianxin.supervision;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{trackingNo}/instructions} with {@code {"instruction": "…"}}: a leader's
 * instruction (批示) opens a supervision. The body is read after the caller was authorized, so
 * anyone else gets 403 whatever they send.
 */
@RestController
class InstructionController {

    static final int MAX_LENGTH = 1000;

    private final Supervisions supervisions;
    private final ObjectMapper json;

    InstructionController(Supervisions supervisions, ObjectMapper json) {
        this.supervisions = supervisions;
        this.json = json;
    }

    @PostMapping(path = "/api/cases/{trackingNo}/instructions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('leader')")
    ResponseEntity<Map<String, String>> instruct(
            @PathVariable String trackingNo, @RequestBody String body, Principal leader) {
        String instruction = instructionOf(body);
        String supervision = supervisions.instruct(trackingNo, leader.getName(), instruction);
        return ResponseEntity.created(URI.create("/api/cases/" + trackingNo))
                .body(Map.of("supervisionId", supervision));
    }

    private String instructionOf(String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (Exception e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "unreadable");
        }
        String instruction = node == null ? null : node.path("instruction").asText(null);
        if (instruction == null || instruction.isBlank()) {
            throw ApiProblemException.invalid(List.of(new FieldError("instruction", "必须填写批示内容")));
        }
        if (instruction.length() > MAX_LENGTH) {
            throw ApiProblemException.invalid(List.of(new FieldError("instruction", "不能超过 " + MAX_LENGTH + " 个字")));
        }
        return instruction.trim();
    }
}
