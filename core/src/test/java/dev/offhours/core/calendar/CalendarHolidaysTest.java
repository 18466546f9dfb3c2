package dev.offhours.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.NamedDate;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CalendarHolidaysTest {

    private static final HolidayCalendar BAVARIA = calendar("de-by", Optional.of("de"), Optional.of("by"),
            List.of(new NamedDate(LocalDate.of(2026, 12, 24), "Christmas Eve")));
    private static final HolidayCalendar BERLIN = calendar("de-be", Optional.of("de"), Optional.of("be"), List.of());
    private static final HolidayCalendar TEAM = calendar("team", Optional.empty(), Optional.empty(),
            List.of(new NamedDate(LocalDate.of(2026, 7, 3), "Team day")));

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(nullValues = "-", value = {
        "2026-01-06, de-by, Epiphany",
        "2026-01-06, de-be, -",
        "2026-03-08, de-be, International Woman's Day",
        "2026-03-08, de-by, -",
        "2026-06-04, de-by, Corpus Christi",
        "2026-12-24, de-by, Christmas Eve",
        "2026-12-24, de-be, -",
        "2026-12-25, de-be, 1st Christmas day",
        "2027-03-26, de-by, Good Friday",
        "2026-11-27, de-by, -",
        "2026-07-03, team, Team day",
        "2026-01-01, team, -",
    })
    void namesTheHolidaysOfACalendar(LocalDate date, String calendar, String expected) {
        HolidayCalendar chosen = Map.of("de-by", BAVARIA, "de-be", BERLIN, "team", TEAM).get(calendar);

        assertThat(new CalendarHolidays(chosen).holidayOn(date)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aScheduleSleepsOnItsOwnDatesAndOnEveryCalendarItNames() {
        Schedule schedule = schedule(List.of("de-by", "team"), List.of(LocalDate.of(2026, 7, 3),
                LocalDate.of(2026, 8, 14)));

        HolidaySource holidays = HolidaySources.forSchedule(schedule, Map.of("de-by", BAVARIA, "team", TEAM,
                "de-be", BERLIN));

        assertThat(holidays.holidayOn(LocalDate.of(2026, 8, 14))).contains("sleepOn");
        assertThat(holidays.holidayOn(LocalDate.of(2026, 7, 3))).contains("sleepOn");
        assertThat(holidays.holidayOn(LocalDate.of(2026, 1, 6))).contains("Epiphany");
        assertThat(holidays.holidayOn(LocalDate.of(2026, 12, 24))).contains("Christmas Eve");
        assertThat(holidays.holidayOn(LocalDate.of(2026, 3, 8))).isEmpty();
        assertThat(holidays.holidayOn(LocalDate.of(2026, 8, 13))).isEmpty();
    }

    @Test
    void aScheduleWithoutCalendarsOrDatesHasNoHolidays() {
        HolidaySource holidays = HolidaySources.forSchedule(schedule(List.of(), List.of()), Map.of());

        assertThat(holidays.holidayOn(LocalDate.of(2026, 12, 25))).isEmpty();
    }

    @Test
    void aCalendarMissingFromTheCatalogIsAProgrammingError() {
        Schedule schedule = schedule(List.of("nowhere"), List.of());

        assertThatThrownBy(() -> HolidaySources.forSchedule(schedule, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schedule 'office' names the calendar 'nowhere', which the catalog does not hold");
    }

    @Test
    void knowsCountriesAndSubdivisions() {
        PublicHolidays holidays = PublicHolidays.shared();

        assertThat(holidays.countries()).contains("de", "us", "gb", "at").doesNotContain("nyse");
        assertThat(holidays.subdivisions("de")).contains("by", "be", "nw").hasSize(16);
    }

    private static HolidayCalendar calendar(String name, Optional<String> country, Optional<String> subdivision,
            List<NamedDate> dates) {
        return new HolidayCalendar(name, "", dates, country, subdivision, "calendars/" + name + ".yaml");
    }

    private static Schedule schedule(List<String> calendars, List<LocalDate> sleepOn) {
        return new Schedule("office", "team", "", ZoneId.of("Europe/Berlin"),
                List.of(new AwakePeriod(Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(18, 0))),
                calendars, sleepOn, List.of(), false, false, Scope.EVERYWHERE, AsleepCapacity.ZERO, "");
    }
}
