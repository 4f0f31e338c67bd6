package cn.lianxin.portal;

import cn.lianxin.appeal.AppealIntake;
import cn.lianxin.appeal.Category;
import cn.lianxin.appeal.IntakeRequest;
import cn.lianxin.appeal.Photos;
import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我要反映: one form (one question per screen where JavaScript runs, {@code portal-submit.js}), checked
 * as {@code POST /api/appeals} checks it, then post-redirect-get to the receipt, whose access code
 * travels in a flash attribute (the server-side session of this one redirect), never in the URL.
 */
@Controller
class SubmitPage {

    /** What the form posts; the names are those of {@link IntakeRequest}. */
    record RequestForm(
            String category,
            String description,
            String location,
            String villageCode,
            String citizenName,
            String phone,
            String consent,
            String requestKey) {

        static RequestForm empty() {
            return new RequestForm(
                    null, null, null, null, null, null, null, UUID.randomUUID().toString());
        }

        IntakeRequest intake() {
            return new IntakeRequest(
                    citizenName, phone, null, category, description, villageCode, location, null, null, null);
        }
    }

    /** A town and its villages, for one {@code optgroup} of the village select. */
    record Town(String name, List<Unit> villages) {}

    /** A category as the form offers it. */
    record Choice(String code, String label) {}

    /**
     * Shown once on the receipt page, carried there in the session (kept in the database, so
     * serializable); {@code accessCode} is null when a retried form found its first case.
     */
    record Receipt(String trackingNo, String accessCode) implements Serializable {}

    /** The form's fields in the order they are asked, with their names in the error summary. */
    static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("category", "诉求类别");
        fields.put("description", "诉求内容");
        fields.put("location", "具体地点");
        fields.put("photos", "照片");
        fields.put("villageCode", "所在村（社区）");
        fields.put("citizenName", "姓名");
        fields.put("phone", "手机号码");
        fields.put("consent", "个人信息使用同意");
        return fields;
    }

    private final AppealIntake intake;
    private final PublicLimits limits;
    private final Units units;
    private final Validator validator;
    private final Refusals refusals;
    private final Photos photos;
    private final TransactionTemplate transaction;

    SubmitPage(
            AppealIntake intake,
            PublicLimits limits,
            Units units,
            Validator validator,
            Refusals refusals,
            Photos photos,
            PlatformTransactionManager transactions) {
        this.intake = intake;
        this.limits = limits;
        this.units = units;
        this.validator = validator;
        this.refusals = refusals;
        this.photos = photos;
        this.transaction = new TransactionTemplate(transactions);
    }

    @GetMapping("/submit")
    String form(Model model) {
        return page(model, RequestForm.empty(), Map.of());
    }

    @PostMapping("/submit")
    String submit(
            @ModelAttribute RequestForm form,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photoFiles,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest http,
            HttpServletResponse response) {
        RequestForm kept = form.requestKey() == null
                        || form.requestKey().isBlank()
                        || form.requestKey().length() > 100
                ? new RequestForm(
                        form.category(),
                        form.description(),
                        form.location(),
                        form.villageCode(),
                        form.citizenName(),
                        form.phone(),
                        form.consent(),
                        UUID.randomUUID().toString())
                : form;
        try {
            limits.take(Limit.REQUESTS, http.getRemoteAddr());
            Map<String, String> errors = problems(kept);
            if (!errors.isEmpty()) {
                return page(model, kept, errors);
            }
            limits.take(Limit.INTAKE, http.getRemoteAddr());
            List<MultipartFile> sent = photoFiles == null ? List.of() : photoFiles;
            AppealIntake.Receipt receipt;
            try {
                receipt = intakeWithPhotos(kept, sent);
            } catch (DataIntegrityViolationException concurrentRetry) {
                // the same form arrived twice at once: the first one won, answer with its case
                receipt = intakeWithPhotos(kept, sent);
            }
            redirect.addFlashAttribute(
                    "receipt", new Receipt(receipt.trackingNo(), receipt.created() ? receipt.accessCode() : null));
            return "redirect:/submit/receipt";
        } catch (ApiProblemException refusal) {
            if (Refusals.tooMany(refusal)) {
                return refusals.tooManyPage(refusal, model, response);
            }
            if (refusal.fieldErrors().isEmpty()) {
                throw refusal;
            }
            return page(model, kept, AccessKeys.fieldProblems(refusal));
        }
    }

    /**
     * The request and its photos in one transaction: a photo refused (type, size, number) refuses the
     * request too, so nothing is kept and the form says why beside the photo field. A retried form that
     * finds its first case adds no photos to it.
     */
    private AppealIntake.Receipt intakeWithPhotos(RequestForm form, List<MultipartFile> sent) {
        return transaction.execute(status -> {
            AppealIntake.Receipt receipt = intake.intake(form.intake(), form.requestKey());
            if (receipt.created()) {
                photos.attachCitizenPhotos(receipt.trackingNo(), sent);
            }
            return receipt;
        });
    }

    /**
     * The receipt, shown once: a reload or a shared link finds no flash attribute and goes to the
     * tracking form.
     */
    @GetMapping("/submit/receipt")
    String receipt(Model model) {
        if (!(model.getAttribute("receipt") instanceof Receipt)) {
            return "redirect:/track";
        }
        return "portal/receipt";
    }

    /** Every field's problem, checked as the API checks the request, plus the consent only a form asks. */
    private Map<String, String> problems(RequestForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<IntakeRequest> violation : validator.validate(form.intake())) {
            String field = violation.getPropertyPath().toString();
            errors.merge(field, violation.getMessage(), (a, b) -> a);
        }
        if (!errors.containsKey("category") && Category.ofCode(form.category()).isEmpty()) {
            errors.put("category", "请从列表中选择诉求类别");
        }
        if (!"yes".equals(form.consent())) {
            errors.put("consent", "请阅读并勾选同意，我们才能受理您的诉求");
        }
        return AccessKeys.inFieldOrder(errors, FIELDS);
    }

    private String page(Model model, RequestForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldNames", FIELDS);
        model.addAttribute("photoLimit", photos.citizenLimit());
        model.addAttribute(
                "categories",
                Arrays.stream(Category.values())
                        .map(c -> new Choice(c.code(), c.label()))
                        .toList());
        model.addAttribute("towns", towns());
        return "portal/submit";
    }

    private List<Town> towns() {
        List<Unit> all = units.all();
        return all.stream()
                .filter(u -> u.kind() == UnitKind.TOWN)
                .sorted(Comparator.comparing(Unit::code))
                .map(town -> new Town(
                        town.name(),
                        all.stream()
                                .filter(u -> u.kind() == UnitKind.VILLAGE
                                        && town.code().equals(u.parentCode()))
                                .sorted(Comparator.comparing(Unit::code))
                                .toList()))
                .filter(town -> !town.villages().isEmpty())
                .toList();
    }
}
