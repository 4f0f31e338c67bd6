package cn.lianxin.member;

import cn.lianxin.citizen.RefusesUnknownFields;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/party-members}: a party member registers with their community and reads their record and
 * points; the village's branch secretary lists, confirms or rejects, ranks and sums up the quarter. The
 * village is always the one of the signed-in user's group, never a value of the request.
 */
@RestController
@RequestMapping("/api/party-members")
class PartyMemberController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** 报到: the member's unit of work, what they can do and when; the village and the name are the server's. */
    record RegistrationRequest(
            @NotBlank(message = "必须填写工作单位") @Size(max = 100, message = "不能超过 100 个字") String employer,
            @NotBlank(message = "必须填写特长或能提供的服务") @Size(max = 500, message = "不能超过 500 个字") String skills,
            @NotBlank(message = "必须填写可服务时间") @Size(max = 200, message = "不能超过 200 个字") String availability)
            implements RefusesUnknownFields {}

    enum Decision {
        CONFIRM,
        REJECT
    }

    /** 确认报到 or 不予确认 (with the reason the member reads). */
    record ConfirmationRequest(
            @NotNull(message = "必须选择确认（CONFIRM）或不予确认（REJECT）") Decision decision,
            @Size(max = 500, message = "不能超过 500 个字") String reason)
            implements RefusesUnknownFields {}

    private final CommunityRegistration registration;
    private final PointsBoard board;
    private final QuarterlySummary summary;
    private final IdentityService identity;
    private final Units units;

    PartyMemberController(
            CommunityRegistration registration,
            PointsBoard board,
            QuarterlySummary summary,
            IdentityService identity,
            Units units) {
        this.registration = registration;
        this.board = board;
        this.summary = summary;
        this.identity = identity;
        this.units = units;
    }

    @PostMapping("/registration")
    ResponseEntity<MemberView> register(@Valid @RequestBody RegistrationRequest request) {
        MemberView registered = registration.register(
                SignedIn.of(identity), request.employer(), request.skills(), request.availability());
        return ResponseEntity.created(URI.create("/api/party-members/" + registered.userId()))
                .body(registered);
    }

    /** {@code ?status=REGISTERED&page=0&size=20}: the secretary's village's members, earliest registered first. */
    @GetMapping
    ListPage<MemberView> list(
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) String village,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        String ofVillage = SignedIn.of(identity).secretaryVillage(village);
        return registration.ofVillage(ofVillage, status, ListPage.numbered(page, size));
    }

    @PostMapping("/{userId}/confirmation")
    MemberView confirm(@PathVariable String userId, @Valid @RequestBody ConfirmationRequest request) {
        SignedIn secretary = SignedIn.of(identity);
        if (secretary.secretaryOf().isEmpty()) {
            throw SignedIn.forbidden();
        }
        boolean confirmed = request.decision() == Decision.CONFIRM;
        if (!confirmed && (request.reason() == null || request.reason().isBlank())) {
            throw ApiProblemException.invalid(List.of(new FieldError("reason", "不予确认时必须说明理由")));
        }
        // the member's village decides which secretary may answer; a secretary of several is asked for none
        String village = secretary.secretaryOf().size() == 1
                ? secretary.secretaryOf().get(0)
                : registration.readable(secretary, userId).villageCode();
        return registration.decide(secretary, village, userId, confirmed, request.reason());
    }

    /** 离开: a confirmed member no longer serves in the village (their points stay). */
    @PostMapping("/{userId}/departure")
    MemberView leave(@PathVariable String userId) {
        return registration.leave(SignedIn.of(identity), userId);
    }

    @GetMapping("/{userId}")
    MemberView read(@PathVariable String userId) {
        return registration.read(SignedIn.of(identity), userId);
    }

    /** {@code ?page=0&size=20}: the member's points ledger (服务记录), newest first. */
    @GetMapping("/{userId}/points")
    ListPage<PointsBoard.EntryView> points(
            @PathVariable String userId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return board.ledger(SignedIn.of(identity), userId, ListPage.numbered(page, size));
    }

    /** {@code ?quarter=2026Q4} or {@code ?year=2026} (default: this quarter): the village's members by points. */
    @GetMapping("/ranking")
    PointsBoard.Ranking ranking(
            @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String village) {
        String ofVillage = SignedIn.of(identity).secretaryVillage(village);
        if (quarter != null && year != null) {
            throw ApiProblemException.invalid(List.of(new FieldError("year", "按季度（quarter）或按年（year）排名，只能选一个")));
        }
        if (year != null) {
            int y = yearOf(year);
            List<Quarter> quarters =
                    IntStream.rangeClosed(1, 4).mapToObj(q -> new Quarter(y, q)).toList();
            return board.ranking(ofVillage, quarters, String.valueOf(y), y + "年");
        }
        Quarter q = quarter == null ? Quarter.of(EngineClock.now()) : quarterOf(quarter);
        return board.ranking(ofVillage, List.of(q), q.toString(), q.label());
    }

    /** {@code ?quarter=2026Q4}: 一季一汇总 of the secretary's village as an Excel workbook. */
    @GetMapping("/summary")
    ResponseEntity<byte[]> summary(@RequestParam String quarter, @RequestParam(required = false) String village) {
        String ofVillage = SignedIn.of(identity).secretaryVillage(village);
        Quarter q = quarterOf(quarter);
        String villageName = units.byCode(ofVillage).map(Unit::name).orElse(ofVillage);
        Instant now = EngineClock.now();
        byte[] content = summary.workbook(ofVillage, villageName, q, now);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("党员服务季度汇总-" + villageName + "-" + q + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    private static Quarter quarterOf(String text) {
        return Quarter.parse(text)
                .orElseThrow(() ->
                        ApiProblemException.invalid(List.of(new FieldError("quarter", "应为年份加季度，如 2026Q4（第 4 季度）"))));
    }

    private static int yearOf(String text) {
        String y = text.trim();
        if (!y.matches("\\d{4}") || Integer.parseInt(y) < 2000) {
            throw ApiProblemException.invalid(List.of(new FieldError("year", "应为四位年份，如 2026")));
        }
        return Integer.parseInt(y);
    }
}
