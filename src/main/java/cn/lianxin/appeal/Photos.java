package cn.lianxin.appeal;

import cn.lianxin.appeal.OperatedTasks.OperatedTask;
import cn.lianxin.evidence.PhotoReencoder;
import cn.lianxin.evidence.PhotoReencoder.Reencoded;
import cn.lianxin.evidence.PhotoRules;
import cn.lianxin.evidence.PhotoStore;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * 照片与凭证: the photos of a case (docs/evidence.md). The citizen attaches up to
 * {@code lianxin.photos.citizen-max} while the case is open; its handlers attach up to
 * {@code cadre-max-per-stage} before (办理前) and as many after (办理后) handling. Every photo is
 * re-encoded (no EXIF, no GPS) before anything is kept, all of a request's photos are checked before
 * any is kept, and every attachment is one line of the case log. The citizen sees their own photos and,
 * once asked to evaluate (or the case is closed), the 办理后 ones; cadres see them all when they may
 * read the case.
 */
@Service
public class Photos implements TaskOperation {

    private static final Logger log = LoggerFactory.getLogger(Photos.class);

    /** The form field (multipart part) the photos come in, named by every refusal. */
    static final String FIELD = "photos";

    private static final String CITIZEN = "群众";

    /**
     * A photo of a case as lists show it; {@code path} serves it ({@code ?accessCode=} to be added by
     * the citizen's page); {@code addedBy} only in the cadres' lists.
     */
    public record Photo(
            String id,
            String stage,
            String stageLabel,
            int width,
            int height,
            Instant addedAt,
            String addedBy,
            String path) {}

    /** One photo's bytes: a JPEG. */
    record Served(String id, byte[] jpeg) {}

    private final CasePhotos photos;
    private final Appeals appeals;
    private final AppealPortal portal;
    private final OperatedTasks operated;
    private final Units units;
    private final IdentityService identity;
    private final TaskService tasks;
    private final PhotoStore store;
    private final PhotoReencoder reencoder;
    private final PhotoRules rules;
    private final PhotoLinks links;

    Photos(
            CasePhotos photos,
            Appeals appeals,
            AppealPortal portal,
            OperatedTasks operated,
            Units units,
            IdentityService identity,
            TaskService tasks,
            PhotoStore store,
            PhotoReencoder reencoder,
            PhotoRules rules,
            PhotoLinks links) {
        this.photos = photos;
        this.appeals = appeals;
        this.portal = portal;
        this.operated = operated;
        this.units = units;
        this.identity = identity;
        this.tasks = tasks;
        this.store = store;
        this.reencoder = reencoder;
        this.rules = rules;
        this.links = links;
    }

    /** A photo the citizen's case page shows: what it is, and a link to it that holds for ten minutes. */
    public record Shown(String id, String stageLabel, String url) {}

    /**
     * The photos a citizen is shown on the page of their case — their own and, once asked to evaluate or
     * closed, the 办理后 ones — for a page that has just opened the case with its access code
     * (AppealPortal.view): each with a signed link that carries no access code (PhotoLinks).
     */
    public List<Shown> shownToCitizen(String trackingNo) {
        Appeal appeal = appeals.byTrackingNo(trackingNo)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        long until = EngineClock.now().plus(PhotoLinks.VALID_FOR).getEpochSecond();
        return photos.of(trackingNo, citizenStages(appeal)).stream()
                .map(row -> new Shown(
                        row.id(),
                        row.stage().label(),
                        "/track/photos/" + trackingNo + "/" + row.id() + "?until=" + until + "&sig="
                                + links.sign(trackingNo, row.id(), until)))
                .toList();
    }

    /** The photo a signed link names, while the link holds and the citizen may still see that photo; else 404. */
    public byte[] bySignedLink(String trackingNo, String id, long until, String signature) {
        if (trackingNo == null || id == null || !links.holds(trackingNo, id, until, signature, EngineClock.now())) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        Appeal appeal = appeals.byTrackingNo(trackingNo)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        return served(trackingNo, id, citizenStages(appeal)).jpeg();
    }

    /** How many photos a citizen may send with a request. */
    public int citizenLimit() {
        return rules.citizenMax();
    }

    /**
     * The citizen's photos sent with the request, for the portal's submit form to call right after
     * intake (it holds the new tracking number; no access code is asked). Parts left empty (a file field
     * nobody filled) are skipped and no photo at all is no error; otherwise the same checks as
     * {@code POST /api/appeals/{trackingNo}/photos}: a 400 naming {@code photos} keeps none of them.
     */
    @Transactional
    public List<Photo> attachCitizenPhotos(String trackingNo, List<MultipartFile> files) {
        List<MultipartFile> sent = chosen(files);
        if (sent.isEmpty()) {
            return List.of();
        }
        Appeal appeal = appeals.byTrackingNo(trackingNo)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "appeal-not-found"));
        return attach(appeal, PhotoStage.CITIZEN, rules.citizenMax(), sent, CITIZEN, "群众上传照片 %d 张", true);
    }

    /** The citizen adds photos to their open case, with its access code. */
    @Transactional
    List<Photo> attachForCitizen(
            String trackingNo, String accessCode, String clientAddress, List<MultipartFile> files) {
        Appeal appeal = portal.authorised(trackingNo, accessCode, clientAddress);
        return attach(
                appeal, PhotoStage.CITIZEN, rules.citizenMax(), required(chosen(files)), CITIZEN, "群众上传照片 %d 张", true);
    }

    /**
     * A handler adds photos before or after handling: the task's assignee or, unclaimed, one of its
     * candidates (as the other task operations check); a task the user cannot see is a 404.
     */
    @Transactional
    List<Photo> attachToTask(String taskId, String stage, List<MultipartFile> files) {
        OperatedTask task = operated.visible(taskId);
        if (!ofAppeal(task.task())) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        CurrentUser me = operated.me();
        if (!operated.handles(task, me)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        PhotoStage chosenStage = cadreStage(stage);
        Appeal appeal = appeals.byTrackingNo(task.number())
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        return attach(
                appeal,
                chosenStage,
                rules.cadreMaxPerStage(),
                required(chosen(files)),
                me.userId(),
                "上传" + chosenStage.label() + "照片 %d 张（" + task.label() + "）",
                false);
    }

    /** What the citizen sees: their own photos, and the 办理后 ones once asked to evaluate or closed. */
    List<Photo> forCitizen(String trackingNo, String accessCode, String clientAddress) {
        Appeal appeal = portal.authorised(trackingNo, accessCode, clientAddress);
        return photos.of(trackingNo, citizenStages(appeal)).stream()
                .map(row -> view(row, false, "/api/appeals/"))
                .toList();
    }

    Served photoForCitizen(String trackingNo, String id, String accessCode, String clientAddress) {
        Appeal appeal = portal.authorised(trackingNo, accessCode, clientAddress);
        return served(trackingNo, id, citizenStages(appeal));
    }

    /** Every photo of a case the cadre may read (their unit's case, or a case one of whose steps they see). */
    List<Photo> forCadre(String trackingNo) {
        readable(trackingNo);
        return photos.of(trackingNo, EnumSet.allOf(PhotoStage.class)).stream()
                .map(row -> view(row, true, "/api/cases/"))
                .toList();
    }

    Served photoForCadre(String trackingNo, String id) {
        readable(trackingNo);
        return served(trackingNo, id, EnumSet.allOf(PhotoStage.class));
    }

    /** The photos of the case of a task the cadre can see (Tasklist's 办理操作 tab). */
    List<Photo> forTask(String taskId) {
        OperatedTask task = operated.visible(taskId);
        if (!ofAppeal(task.task()) || task.number() == null) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return photos.of(task.number(), EnumSet.allOf(PhotoStage.class)).stream()
                .map(row -> view(row, true, "/api/cases/"))
                .toList();
    }

    @Override
    public String name() {
        return "photo";
    }

    @Override
    public boolean allowed(Task task, CurrentUser me) {
        return ofAppeal(task) && operated.handles(operated.operated(task), me);
    }

    private static boolean ofAppeal(Task task) {
        String definition = task.getProcessDefinitionId();
        return definition != null && definition.startsWith(AppealProcess.KEY + ":");
    }

    private Set<PhotoStage> citizenStages(Appeal appeal) {
        boolean resultShown = appeal.status() == AppealStatus.CLOSED || portal.awaitingEvaluation(appeal);
        return resultShown ? EnumSet.of(PhotoStage.CITIZEN, PhotoStage.AFTER) : EnumSet.of(PhotoStage.CITIZEN);
    }

    /**
     * The case if the signed-in cadre may read it: a case of the villages their roles follow
     * (docs/identity.md), or one with a step the engine lets them see (a department's handler). A
     * role that follows no case at all is refused (403); another unit's case is not found (404), as
     * {@code GET /api/cases/{trackingNo}} answers.
     */
    private Appeal readable(String trackingNo) {
        CurrentUser me = CurrentUser.of(identity)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.UNAUTHORIZED, "unauthorized"));
        Set<String> villages = units.caseVillagesVisibleTo(me.groupIds());
        Appeal appeal = appeals.byTrackingNo(trackingNo).orElse(null);
        if (appeal != null && (villages == null || villages.contains(appeal.villageCode()))) {
            return appeal;
        }
        if (appeal != null
                && appeal.processInstanceId() != null
                && tasks.createTaskQuery()
                                .processInstanceId(appeal.processInstanceId())
                                .count()
                        > 0) {
            return appeal;
        }
        if (villages != null && villages.isEmpty()) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
    }

    private Served served(String trackingNo, String id, Set<PhotoStage> stages) {
        CasePhotos.Row row = (id == null || id.length() > 36
                        ? java.util.Optional.<CasePhotos.Row>empty()
                        : photos.one(trackingNo, id))
                .filter(r -> stages.contains(r.stage()))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        byte[] jpeg = store.get(row.id()).orElseThrow(() -> {
            log.error("照片 {}（{}）在存储中找不到", row.id(), trackingNo);
            return new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        });
        return new Served(row.id(), jpeg);
    }

    private static PhotoStage cadreStage(String stage) {
        if (PhotoStage.BEFORE.name().equals(stage)) {
            return PhotoStage.BEFORE;
        }
        if (PhotoStage.AFTER.name().equals(stage)) {
            return PhotoStage.AFTER;
        }
        throw ApiProblemException.invalid(List.of(new FieldError("stage", "应为 BEFORE（办理前）或 AFTER（办理后）")));
    }

    /** The parts that hold a file: a form's file field left empty sends one part with no name and no bytes. */
    private static List<MultipartFile> chosen(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> f != null
                        && !(f.isEmpty()
                                && (f.getOriginalFilename() == null
                                        || f.getOriginalFilename().isBlank())))
                .toList();
    }

    private static List<MultipartFile> required(List<MultipartFile> files) {
        if (files.isEmpty()) {
            throw ApiProblemException.invalid(List.of(new FieldError(FIELD, "请选择要上传的照片")));
        }
        return files;
    }

    /**
     * Checks every photo (count, size, that it is a readable JPEG or PNG) and re-encodes it; only when
     * all pass are they kept, under the case's row lock so two uploads at once cannot pass the limit
     * together. A file store's files are removed again when the transaction does not commit.
     */
    private List<Photo> attach(
            Appeal appeal,
            PhotoStage stage,
            int max,
            List<MultipartFile> files,
            String actor,
            String entry,
            boolean shownToCitizen) {
        if (appeal.status() != AppealStatus.OPEN) {
            throw new ApiProblemException(
                    HttpStatus.CONFLICT, "photos-closed", appeal.status().label());
        }
        String trackingNo = appeal.trackingNo();
        refuseOverLimit(photos.count(trackingNo, stage), files.size(), max, stage);
        PhotoReencoder.Upload upload = reencoder.reencodeAll(files, rules.maxSize());
        if (!upload.refusals().isEmpty()) {
            throw ApiProblemException.invalid(upload.refusals().stream()
                    .map(reason -> new FieldError(FIELD, reason))
                    .toList());
        }
        List<Reencoded> kept = upload.kept();
        photos.lockCase(trackingNo);
        refuseOverLimit(photos.count(trackingNo, stage), files.size(), max, stage);
        Instant now = EngineClock.now();
        List<Photo> added = new ArrayList<>();
        List<String> written = new ArrayList<>();
        // a file store is outside the transaction: what it got is taken back if the transaction does not commit
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    written.forEach(Photos.this::forget);
                }
            }
        });
        for (Reencoded photo : kept) {
            String id = UUID.randomUUID().toString();
            written.add(id);
            store.put(id, photo.jpeg());
            CasePhotos.Row row = new CasePhotos.Row(
                    id, trackingNo, stage, photo.width(), photo.height(), photo.jpeg().length, actor, now);
            photos.add(row);
            added.add(view(row, !CITIZEN.equals(actor), CITIZEN.equals(actor) ? "/api/appeals/" : "/api/cases/"));
        }
        appeals.log(trackingNo, now, actor, "PHOTO", entry.formatted(kept.size()), shownToCitizen);
        return added;
    }

    private void forget(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            log.warn("未能删除未保存成功的照片 {}", key, e);
        }
    }

    private static void refuseOverLimit(int already, int adding, int max, PhotoStage stage) {
        if (already + adding > max) {
            String scope = stage == PhotoStage.CITIZEN ? "每件诉求" : stage.label() + "照片";
            throw ApiProblemException.invalid(List.of(
                    new FieldError(FIELD, scope + "最多 " + max + " 张：已有 " + already + " 张，这次选了 " + adding + " 张")));
        }
    }

    private static Photo view(CasePhotos.Row row, boolean forCadres, String base) {
        return new Photo(
                row.id(),
                row.stage().name(),
                row.stage().label(),
                row.width(),
                row.height(),
                row.addedAt(),
                forCadres ? row.addedBy() : null,
                base + row.trackingNo() + "/photos/" + row.id());
    }
}
