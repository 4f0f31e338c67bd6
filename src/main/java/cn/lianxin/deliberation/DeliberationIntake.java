package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;

import cn.lianxin.appeal.CaseTimeline;
import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.citizen.IdempotencyKeys;
import cn.lianxin.citizen.RequestFingerprint;
import cn.lianxin.deliberation.Topics.Draft;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 议题征集: every topic becomes a row in the platform's tables and a running {@code deliberation}
 * process, in one transaction — proposed by a citizen (public API) or raised from a citizen's request
 * by the cadres of its village. A host's topic from Tasklist's start form is {@link TopicRegistration}'s.
 */
@Service
public class DeliberationIntake {

    /** What the proposer gets back: the deliberation number and the secret access code. */
    record Receipt(String deliberationNo, String accessCode, boolean created) {}

    /** A topic raised from a case: {@code POST /api/cases/{trackingNo}/deliberations}. */
    public record FromCase(String title, String background, String affectedArea, String options) {}

    /** Cadres of a village who may raise a topic from one of its cases. */
    private static final Set<Role> RAISE_FROM_CASE =
            Set.of(Role.GRID_WORKER, Role.STATION_HEAD, Role.DELIBERATION_HOST);

    private final TopicOpening opening;
    private final Topics topics;
    private final AccessCodes accessCodes;
    private final IdentityService identity;
    private final Notifications notifications;
    private final CaseTimeline cases;

    private final EngineAsPlatform platform;

    DeliberationIntake(
            TopicOpening opening,
            Topics topics,
            AccessCodes accessCodes,
            IdentityService identity,
            Notifications notifications,
            CaseTimeline cases,
            EngineAsPlatform platform) {
        this.platform = platform;
        this.opening = opening;
        this.topics = topics;
        this.accessCodes = accessCodes;
        this.identity = identity;
        this.notifications = notifications;
        this.cases = cases;
    }

    /**
     * A citizen's proposal; a retry with the same idempotency key and the same proposal returns the
     * first topic, the same key with another proposal is refused (422).
     */
    @Transactional
    public Receipt propose(ProposalRequest request, String idempotencyKey) {
        String fingerprint = RequestFingerprint.of(request);
        Optional<String> replay =
                IdempotencyKeys.replayOf(idempotencyKey, fingerprint, key -> topics.byIdempotencyKey(key)
                        .map(kept -> new IdempotencyKeys.Kept(kept.deliberationNo(), kept.fingerprint())));
        if (replay.isPresent()) {
            return new Receipt(replay.get(), accessCodes.codeFor(replay.get()), false);
        }
        Unit village = opening.village(request.villageCode())
                .orElseThrow(() -> ApiProblemException.invalid(
                        List.of(new FieldError("villageCode", "未知的村（社区）：" + request.villageCode()))));
        Draft draft = new Draft(
                request.title().trim(),
                request.background().trim(),
                TopicOpening.blankToNull(request.affectedArea()),
                TopicOpening.blankToNull(request.options()),
                Origin.CITIZEN,
                request.proposerName().trim(),
                request.phone(),
                village.code());
        String no = opening.open(draft, idempotencyKey, fingerprint, "群众");
        opening.start(no, draft, village);
        notifications.queue(
                Template.TOPIC_RECEIPT, Recipient.citizen(request.phone()), no, no, accessCodes.codeFor(no));
        return new Receipt(no, accessCodes.codeFor(no), true);
    }

    /** A cadre of the case's village raises a topic from a citizen's request; the case is linked. */
    @Transactional
    public String raiseFromCase(String trackingNo, FromCase request) {
        String villageCode = cases.villageOf(trackingNo)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        return raiseFromCases(villageCode, List.of(trackingNo), request);
    }

    /** Whether the signed-in cadre may raise a topic from the village's cases (its grid workers, head, host). */
    public boolean mayRaiseFromCasesOf(String villageCode) {
        return CurrentUser.of(identity)
                .map(me ->
                        RAISE_FROM_CASE.stream().anyMatch(role -> me.groupIds().contains(role.groupIdIn(villageCode))))
                .orElse(false);
    }

    /**
     * A topic of the village raised from several of its cases at once (e.g. a hotspot's, 未诉先办), each
     * linked to it; the same cadres of the village may do it as for one case.
     */
    @Transactional
    public String raiseFromCases(String villageCode, List<String> trackingNos, FromCase request) {
        CurrentUser me = CurrentUser.of(identity).orElse(null);
        if (!mayRaiseFromCasesOf(villageCode)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        List<FieldError> problems = new ArrayList<>();
        String title = TopicOpening.required(request.title(), "title", 100, "必须填写议题名称", problems);
        String background = TopicOpening.required(request.background(), "background", 2000, "必须说明议题背景", problems);
        TopicOpening.optional(request.affectedArea(), "affectedArea", 200, problems);
        TopicOpening.optional(request.options(), "options", 2000, problems);
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        Unit village = opening.village(villageCode).orElseThrow();
        Draft draft = new Draft(
                title,
                background,
                TopicOpening.blankToNull(request.affectedArea()),
                TopicOpening.blankToNull(request.options()),
                Origin.APPEAL,
                opening.nameOf(me.userId()),
                null,
                village.code());
        String no = opening.open(draft, null, null, me.userId());
        for (String trackingNo : trackingNos) {
            opening.link(no, trackingNo, me.userId());
        }
        // the platform checked above that the cadre works in the case's village; starting the topic
        // is the platform's act (a grid worker may raise a topic, not start processes in Tasklist)
        platform.call(() -> {
            opening.start(no, draft, village);
            return no;
        });
        return no;
    }
}
