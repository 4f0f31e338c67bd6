package cn.lianxin.calendar;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Which years have an arrangement, and the yearly upload by an administrator. */
@Service
class CalendarYears {

    private static final Logger log = LoggerFactory.getLogger(CalendarYears.class);

    /** One year as the platform knows it; {@code warning} is set when deadlines fall back to plain weekends. */
    public record YearStatus(
            int year,
            ArrangementSource source,
            boolean arrangementLoaded,
            int specialDays,
            String uploadedBy,
            Instant uploadedAt,
            String warning) {}

    private final HolidayArrangements arrangements;
    private final UploadedArrangements uploads;
    private final ObjectMapper json;

    CalendarYears(HolidayArrangements arrangements, UploadedArrangements uploads, ObjectMapper json) {
        this.arrangements = arrangements;
        this.uploads = uploads;
        this.json = json;
    }

    /** Last year, this year, next year and every uploaded year. */
    public List<YearStatus> all() {
        int thisYear = EngineClock.now().atZone(WorkingDays.ZONE).getYear();
        TreeSet<Integer> years = new TreeSet<>(uploads.years());
        for (int year = thisYear - 1; year <= thisYear + 1; year++) {
            years.add(year);
        }
        return years.stream().map(this::status).toList();
    }

    public YearStatus status(int year) {
        YearArrangement arrangement = arrangements.of(year);
        Optional<UploadedArrangements.Upload> upload =
                arrangement.source() == ArrangementSource.UPLOADED ? uploads.upload(year) : Optional.empty();
        return new YearStatus(
                year,
                arrangement.source(),
                arrangement.isLoaded(),
                arrangement.specialDays().size(),
                upload.map(UploadedArrangements.Upload::uploadedBy).orElse(null),
                upload.map(UploadedArrangements.Upload::uploadedAt).orElse(null),
                arrangement.isLoaded() ? null : missingWarning(year));
    }

    /**
     * Replaces a year's arrangement with the uploaded file, effective at once. The raw body is read
     * here, after the caller was authorized, so a refused caller learns nothing about the file.
     */
    public YearStatus upload(int year, String body, String actor) {
        ArrangementFile file = parse(body);
        List<ApiProblemException.FieldError> problems = file.problems(year);
        if (!problems.isEmpty()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "calendar-file", problems, year);
        }
        List<SpecialDay> days = file.specialDays();
        uploads.replace(year, days, file.papersOrNone(), actor, EngineClock.now());
        arrangements.evict(year);
        log.info("{} 上传了 {} 年的放假安排（{} 个特殊日期），即时生效", actor, year, days.size());
        return status(year);
    }

    static String missingWarning(int year) {
        return year + " 年的放假安排尚未加载，该年的期限暂按普通周末计算";
    }

    private ArrangementFile parse(String body) {
        try {
            ArrangementFile file = body == null || body.isBlank() ? null : json.readValue(body, ArrangementFile.class);
            if (file == null) {
                throw new ApiProblemException(HttpStatus.BAD_REQUEST, "unreadable");
            }
            return file;
        } catch (JsonProcessingException e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "unreadable");
        }
    }
}
