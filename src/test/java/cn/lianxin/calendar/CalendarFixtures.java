package cn.lianxin.calendar;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

/** The working-day calendar of the official arrangements (library data, nothing uploaded), for unit tests. */
public final class CalendarFixtures {

    private CalendarFixtures() {}

    public static WorkingDays officialCalendar() {
        UploadedArrangements uploads = mock(UploadedArrangements.class);
        when(uploads.find(anyInt())).thenReturn(Optional.empty());
        return new WorkingDays(new HolidayArrangements(uploads));
    }
}
