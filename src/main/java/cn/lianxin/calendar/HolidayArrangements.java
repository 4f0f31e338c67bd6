package cn.lianxin.calendar;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.tyme.holiday.LegalHoliday;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each year's arrangement, from the first source that has it: an administrator's upload, then the
 * tyme4j library, else none (plain weekends, with a warning). Years are kept: an upload drops its
 * year on the node that took it, so it takes effect there at once, and every node reads each year
 * afresh after {@code lianxin.reference-data.max-age} (default one minute), so an upload taken by
 * another node shows within that time.
 */
@Component
class HolidayArrangements {

    private static final Logger log = LoggerFactory.getLogger(HolidayArrangements.class);

    private final UploadedArrangements uploaded;
    private final LoadingCache<Integer, YearArrangement> cache;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    HolidayArrangements(UploadedArrangements uploaded) {
        this(uploaded, Duration.ofMinutes(1));
    }

    @Autowired
    HolidayArrangements(
            UploadedArrangements uploaded, @Value("${lianxin.reference-data.max-age:PT1M}") Duration maxAge) {
        this.uploaded = uploaded;
        // bounded: any year can be asked for over HTTP
        this.cache =
                Caffeine.newBuilder().maximumSize(200).expireAfterWrite(maxAge).build(this::load);
    }

    public YearArrangement of(int year) {
        YearArrangement arrangement = cache.get(year);
        if (!arrangement.isLoaded() && warnedYears.add(year)) {
            log.warn("{} 年的放假安排尚未加载：该年的期限暂按普通周末计算，请系统管理员上传国务院公布的放假安排", year);
        }
        return arrangement;
    }

    /** Forgets a cached year, after its arrangement changed. */
    void evict(int year) {
        cache.invalidate(year);
        warnedYears.remove(year);
    }

    private YearArrangement load(int year) {
        return uploaded.find(year).orElseGet(() -> fromLibrary(year));
    }

    /** The library's days of one year; a year it does not carry has none. */
    static YearArrangement fromLibrary(int year) {
        List<SpecialDay> days = new ArrayList<>();
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            LegalHoliday holiday = LegalHoliday.fromYmd(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            if (holiday != null) {
                days.add(new SpecialDay(date, holiday.getName(), !holiday.isWork()));
            }
        }
        return YearArrangement.of(year, days.isEmpty() ? ArrangementSource.NONE : ArrangementSource.LIBRARY, days);
    }
}
