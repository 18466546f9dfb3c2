package dev.offhours.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.KeepAwake;
import dev.offhours.core.schedule.MonthDayRange;
import dev.offhours.core.schedule.NamedDate;
import dev.offhours.core.schedule.NthWeekday;
import dev.offhours.core.schedule.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The additions to the schedule language read into the model they mean: nth and last weekdays, days of the month,
 * months, warm-up, planned keepAwake windows, date ranges in sleepOn and calendars, and an empty awake list. Each
 * row replaces the first awake period of the valid repository of {@link Repos}.
 */
class ScheduleLanguageAdditionsTest {

    private static final String FIRST_PERIOD = "    - days: Mon-Fri\n      from: \"07:30\"\n      to: \"19:00\"\n";
    private static final LocalTime FROM = LocalTime.of(7, 30);
    private static final LocalTime TO = LocalTime.of(19, 0);

    static Stream<Arguments> periods() {
        return Stream.of(
                arguments("days: \"Tue#2,Fri#L\"", new AwakePeriod(Set.of(), FROM, TO,
                        Set.of(new NthWeekday(DayOfWeek.TUESDAY, 2), new NthWeekday(DayOfWeek.FRIDAY, NthWeekday.LAST)),
                        List.of(), Set.of())),
                arguments("days: \"Mon, wed#5\"", new AwakePeriod(Set.of(DayOfWeek.MONDAY), FROM, TO,
                        Set.of(new NthWeekday(DayOfWeek.WEDNESDAY, 5)), List.of(), Set.of())),
                arguments("monthDays: \"1-15\"", new AwakePeriod(Set.of(), FROM, TO, Set.of(),
                        List.of(new MonthDayRange(1, 15)), Set.of())),
                arguments("monthDays: \"L\"", new AwakePeriod(Set.of(), FROM, TO, Set.of(),
                        List.of(new MonthDayRange(MonthDayRange.LAST, MonthDayRange.LAST)), Set.of())),
                arguments("monthDays: \"1,25-L\"\n      days: Mon-Fri", new AwakePeriod(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), FROM, TO, Set.of(),
                        List.of(new MonthDayRange(1, 1), new MonthDayRange(25, MonthDayRange.LAST)), Set.of())),
                arguments("months: \"Jan-Mar,Dec\"", new AwakePeriod(Set.of(), FROM, TO, Set.of(), List.of(),
                        EnumSet.of(Month.JANUARY, Month.FEBRUARY, Month.MARCH, Month.DECEMBER))),
                arguments("months: Nov-Feb\n      days: Sat", new AwakePeriod(Set.of(DayOfWeek.SATURDAY), FROM, TO,
                        Set.of(), List.of(), EnumSet.of(Month.NOVEMBER, Month.DECEMBER, Month.JANUARY,
                                Month.FEBRUARY))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periods")
    void aPeriodReadsIntoItsSelectors(String selectors, AwakePeriod expected) {
        Schedule schedule = readValid(Repos.with(Repos.SCHEDULE_PATH, FIRST_PERIOD,
                "    - " + selectors + "\n      from: \"07:30\"\n      to: \"19:00\"\n"));

        assertThat(schedule.awake().get(0)).isEqualTo(expected);
    }

    static Stream<Arguments> periodsThatNeverOverlap() {
        return Stream.of(
                arguments("the first and the second Monday", "days: Mon#1", "days: Mon#2"),
                arguments("the first half of the month and the rest", "monthDays: 1-15", "monthDays: 16-L"),
                arguments("winter and summer", "months: Nov-Mar", "months: Apr-Oct"),
                arguments("days 1 to 27 and 28 to 31", "monthDays: 1-27", "monthDays: 28-31"),
                arguments("Fri#L and weekdays of the first week", "days: Fri#L", "days: Mon-Fri\n      monthDays: 1-7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periodsThatNeverOverlap")
    void periodsThatCannotShareADayAreValid(String description, String first, String second) {
        String periods = "    - " + first + "\n      from: \"07:30\"\n      to: \"19:00\"\n"
                + "    - " + second + "\n      from: \"07:30\"\n      to: \"19:00\"\n";
        Map<String, String> files = Repos.with(Repos.SCHEDULE_PATH, FIRST_PERIOD + "    - days: Sat\n"
                + "      from: \"22:00\"\n      to: \"02:00\"\n", periods);

        assertThat(Repos.read(files).problems()).isEmpty();
    }

    @Test
    void anEmptyAwakeListIsValidAndMeansAlwaysAsleep() {
        Map<String, String> files = Repos.with(Repos.SCHEDULE_PATH, FIRST_PERIOD + "    - days: Sat\n"
                + "      from: \"22:00\"\n      to: \"02:00\"\n", "");
        files = withReplaced(files, "  awake:\n", "  awake: []\n");

        assertThat(readValid(files).awake()).isEmpty();
    }

    @Test
    void warmUpAndPlannedWindowsAndDateRangesRead() {
        Map<String, String> files = Repos.with(Repos.SCHEDULE_PATH, "  enforce: false\n",
                "  enforce: false\n  warmUp: 1h30m\n");
        files = withReplaced(files, "[\"2026-12-24\"]", "[\"2026-12-24..2027-01-01\", \"2026-12-31\", \"2027-05-14\"]");
        files = withReplaced(files, "    - until:", "    - from: \"2026-11-27T20:00:00+01:00\"\n      until:");

        Schedule schedule = readValid(files);

        assertThat(schedule.warmUp()).isEqualTo(Duration.ofMinutes(90));
        assertThat(schedule.sleepOn()).hasSize(10).contains(LocalDate.parse("2026-12-24"),
                LocalDate.parse("2027-01-01"), LocalDate.parse("2027-05-14"));
        assertThat(schedule.keepAwake()).containsExactly(new KeepAwake(Instant.parse("2026-11-27T19:00:00Z"),
                Instant.parse("2026-11-28T01:00:00Z"), "release night"));
        assertThat(schedule.keepAwakeUntil()).isEmpty();
        assertThat(schedule.keptAwakeAt(Instant.parse("2026-11-27T20:00:00Z")))
                .contains(Instant.parse("2026-11-28T01:00:00Z"));
        assertThat(schedule.keptAwakeAt(Instant.parse("2026-11-27T18:00:00Z"))).isEmpty();
    }

    @Test
    void aCalendarDateRangeNamesEveryDayOfIt() {
        Map<String, String> files = Repos.with(Repos.CALENDAR_PATH, "\"2026-12-31\"", "\"2026-12-28..2027-01-01\"");

        RepositoryReadResult result = Repos.read(files);

        assertThat(result.problems()).isEmpty();
        HolidayCalendar calendar = result.catalog().calendars().get("de-by");
        assertThat(calendar.dates()).contains(new NamedDate(LocalDate.parse("2026-12-28"), "New Year's Eve"),
                new NamedDate(LocalDate.parse("2027-01-01"), "New Year's Eve")).hasSize(6);
    }

    @Test
    void aV1FileKeepsItsMeaning() {
        Schedule schedule = readValid(Repos.valid());

        assertThat(schedule.awake()).allMatch(AwakePeriod::weekly);
        assertThat(schedule.warmUp()).isZero();
        assertThat(schedule.keepAwake()).allMatch(k -> k.from() == null);
        assertThat(schedule.keepAwakeUntil()).contains(Instant.parse("2026-11-28T01:00:00Z"));
    }

    static Stream<String> readmeExamples() throws IOException {
        String readme = Files.readString(Path.of("..", "schedules-repo-template", "README.md"));
        int start = readme.indexOf("## Monthly rules, date ranges, reduced capacity and warm-up");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Matcher blocks = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
        List<String> examples = new ArrayList<>();
        while (blocks.find()) {
            examples.add(blocks.group(1).stripIndent());
        }
        assertThat(examples).hasSize(9);
        return examples.stream();
    }

    @ParameterizedTest
    @MethodSource("readmeExamples")
    void everyExampleOfTheTemplateReadmeIsValid(String specFragment) {
        String schedule = "apiVersion: offhours.dev/v1\nkind: Schedule\nmetadata:\n  name: payments-dev\n"
                + "  owner: team-payments\nspec:\n  timeZone: Europe/Berlin\n"
                + specFragment.lines().map(line -> "  " + line + "\n").collect(Collectors.joining());
        Map<String, String> files = Repos.valid();
        files.put(Repos.SCHEDULE_PATH, schedule);

        assertThat(Repos.read(files).problems()).as(schedule).isEmpty();
    }

    private static Schedule readValid(Map<String, String> files) {
        RepositoryReadResult result = Repos.read(files);
        assertThat(result.problems()).isEmpty();
        return result.catalog().schedules().get("payments-dev");
    }

    private static Map<String, String> withReplaced(Map<String, String> files, String from, String to) {
        String content = files.get(Repos.SCHEDULE_PATH);
        assertThat(content).contains(from);
        files.put(Repos.SCHEDULE_PATH, content.replaceFirst(Pattern.quote(from),
                Matcher.quoteReplacement(to)));
        return files;
    }
}
