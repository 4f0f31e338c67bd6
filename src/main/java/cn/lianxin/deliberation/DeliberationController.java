package cn.lianxin.deliberation;

import cn.lianxin.citizen.IdempotencyKeys;
import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 协商议事 over HTTP (DESIGN §3): citizens propose topics, read the notice board and a topic's
 * public record, post opinions while a notice is open and evaluate an implemented topic; cadres
 * raise a topic from a case; leaders read the figures.
 */
@RestController
class DeliberationController {

    record Receipt(String deliberationNo, String accessCode) {}

    record Raised(String deliberationNo) {}

    private final DeliberationIntake intake;
    private final DeliberationBoard board;
    private final PublicRecords records;
    private final DeliberationFigures figures;
    private final PublicLimits limits;
    private final IdentityService identity;
    private final Representatives representatives;

    DeliberationController(
            DeliberationIntake intake,
            DeliberationBoard board,
            PublicRecords records,
            DeliberationFigures figures,
            PublicLimits limits,
            IdentityService identity,
            Representatives representatives) {
        this.intake = intake;
        this.board = board;
        this.records = records;
        this.figures = figures;
        this.limits = limits;
        this.identity = identity;
        this.representatives = representatives;
    }

    @PostMapping("/api/deliberations")
    ResponseEntity<Receipt> propose(
            @Valid @RequestBody ProposalRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http) {
        IdempotencyKeys.checkHeader(idempotencyKey);
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        limits.take(Limit.INTAKE, http.getRemoteAddr());
        DeliberationIntake.Receipt receipt;
        try {
            receipt = intake.propose(request, idempotencyKey);
        } catch (DataIntegrityViolationException concurrentRetry) {
            receipt = intake.propose(request, idempotencyKey);
        }
        Receipt body = new Receipt(receipt.deliberationNo(), receipt.accessCode());
        return receipt.created()
                ? ResponseEntity.created(URI.create("/api/deliberations/" + receipt.deliberationNo()))
                        .body(body)
                : ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body);
    }

    @GetMapping("/api/deliberations/{no}")
    PublicRecords.PublicTopic view(@PathVariable String no, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        return records.view(no);
    }

    /** Anyone may comment while a notice is open; a signed-in representative of the village is marked as such. */
    @PostMapping("/api/deliberations/{no}/opinions")
    ResponseEntity<Void> opinion(
            @PathVariable String no, @RequestBody DeliberationBoard.OpinionRequest request, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        limits.take(Limit.POSTS, http.getRemoteAddr());
        CurrentUser me = CurrentUser.of(identity).orElse(null);
        String representative = null;
        String name = null;
        if (me != null && board.isRepresentativeFor(no, me.groupIds())) {
            representative = me.userId();
            name = representatives.nameOf(me.userId());
        }
        board.postOpinion(no, request, representative, name);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping("/api/deliberations/{no}/evaluations")
    ResponseEntity<Void> evaluate(
            @PathVariable String no,
            @RequestBody DeliberationBoard.EvaluationRequest request,
            HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        limits.take(Limit.POSTS, http.getRemoteAddr());
        board.evaluate(no, request, http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    /** {@code ?unit=v0101&size=20&before=…}: {@code before} is the {@code next} of the page before. */
    @GetMapping("/api/notices")
    ListPage<DeliberationBoard.PublicNotice> notices(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer size,
            HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        return board.board(unit, before, ListPage.size(size));
    }

    @PostMapping("/api/cases/{trackingNo}/deliberations")
    ResponseEntity<Raised> raise(@PathVariable String trackingNo, @RequestBody DeliberationIntake.FromCase request) {
        String no = intake.raiseFromCase(trackingNo, request);
        return ResponseEntity.created(URI.create("/api/deliberations/" + no)).body(new Raised(no));
    }

    @GetMapping("/api/cockpit/deliberations")
    DeliberationFigures.Figures figures(@RequestParam(required = false) String unit) {
        return figures.figures(unit);
    }
}
