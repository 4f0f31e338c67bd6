package cn.lianxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calendar library (tyme4j) agrees, day for day, with the State Council's arrangements as
 * published in the holiday-cn data (copied from ../shared/data/holidays-cn into the test resources).
 */
class HolidayLibraryTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2024, 2025, 2026})
    void theLibraryAgreesWithTheOfficialArrangementOnEveryDay(int year) throws IOException {
        // given
        List<SpecialDay> officialDays = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/holidays-cn/" + year + ".json")) {
            for (JsonNode day : new ObjectMapper().readTree(in).get("days")) {
                officialDays.add(new SpecialDay(
                        LocalDate.parse(day.get("date").asText()),
                        day.get("name").asText(),
                        day.get("isOffDay").asBoolean()));
            }
        }
        YearArrangement official = YearArrangement.of(year, ArrangementSource.UPLOADED, officialDays);

        // when
        YearArrangement library = HolidayArrangements.fromLibrary(year);

        // then: the library may also list weekend days of a holiday break, which are off anyway
        assertThat(library.source()).isEqualTo(ArrangementSource.LIBRARY);
        List<LocalDate> disagreements = new ArrayList<>();
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            if (library.isWorkingDay(date) != official.isWorkingDay(date)) {
                disagreements.add(date);
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(officialDays)
                .allSatisfy(day -> assertThat(library.specialDays()).containsKey(day.date()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2027, 2030})
    void aYearTheLibraryDoesNotCarryHasNoArrangement(int year) {
        assertThat(HolidayArrangements.fromLibrary(year).source()).isEqualTo(ArrangementSource.NONE);
    }
}
