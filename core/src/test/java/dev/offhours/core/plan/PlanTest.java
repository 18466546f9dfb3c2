package dev.offhours.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.offhours.core.calendar.HolidaySources;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.KeepAwake;
import dev.offhours.core.schedule.NamedDate;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Transition;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Friday 2026-03-27 12:00 Berlin (CET); the week ahead crosses the spring-forward night of 2026-03-29. */
    private static final Instant NOW = Instant.parse("2026-03-27T11:00:00Z");
    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static final HolidayLookup HOLIDAYS = HolidaySources::forSchedule;

    @Test
    void sortsAddedChangedAndRemovedSchedulesByNameAndCountsTheUnchanged() {
        ScheduleCatalog base = catalog(office("alpha"), office("bravo"), office("charlie"), office("delta"));
        ScheduleCatalog head = catalog(office("alpha"), withAwake(office("bravo"), "07:30", "20:00"),
                office("delta"), office("echo"));

        Plan plan = Plan.between(base, head, NOW, HOLIDAYS);

        assertThat(plan.changes()).extracting(ScheduleChange::name, ScheduleChange::kind).containsExactly(
                tuple("bravo", ChangeKind.CHANGED),
                tuple("charlie", ChangeKind.REMOVED),
                tuple("echo", ChangeKind.ADDED));
        assertThat(plan.unchanged()).isEqualTo(2);
        assertThat(plan.end()).isEqualTo(Instant.parse("2026-04-03T11:00:00Z"));
    }

    @Test
    void aChangedAwakePeriodShowsTheTransitionsOfTheWeekBeforeAndAfter() {
        Plan plan = Plan.between(catalog(office("payments-dev")),
                catalog(withAwake(office("payments-dev"), "07:30", "20:00")), NOW, HOLIDAYS);

        ScheduleChange change = plan.changes().get(0);
        assertThat(change.changedFields()).containsExactly("spec.awake");
        Forecast before = change.before().orElseThrow();
        Forecast after = change.after().orElseThrow();
        assertThat(before.stateAtStart()).isEqualTo(PowerState.AWAKE);
        // Friday evening in CET (UTC+1), then Monday to Thursday in CEST (UTC+2), then Friday morning.
        assertThat(before.transitions()).containsExactly(
                sleep("2026-03-27T18:00:00Z"),
                wake("2026-03-30T05:30:00Z"), sleep("2026-03-30T17:00:00Z"),
                wake("2026-03-31T05:30:00Z"), sleep("2026-03-31T17:00:00Z"),
                wake("2026-04-01T05:30:00Z"), sleep("2026-04-01T17:00:00Z"),
                wake("2026-04-02T05:30:00Z"), sleep("2026-04-02T17:00:00Z"),
                wake("2026-04-03T05:30:00Z"));
        assertThat(after.transitions()).contains(sleep("2026-03-27T19:00:00Z"), sleep("2026-03-30T18:00:00Z"))
                .hasSize(10);
        assertThat(change.transitionsDiffer()).isTrue();
    }

    @Test
    void anAddedScheduleHasOnlyAnAfterAndARemovedOneOnlyABefore() {
        Plan added = Plan.between(ScheduleCatalog.EMPTY, catalog(office("new")), NOW, HOLIDAYS);
        Plan removed = Plan.between(catalog(office("old")), ScheduleCatalog.EMPTY, NOW, HOLIDAYS);

        ScheduleChange add = added.changes().get(0);
        assertThat(add.before()).isEmpty();
        assertThat(add.after()).get().extracting(Forecast::timeZone).isEqualTo(BERLIN);
        assertThat(add.changedFields()).isEmpty();
        ScheduleChange remove = removed.changes().get(0);
        assertThat(remove.kind()).isEqualTo(ChangeKind.REMOVED);
        assertThat(remove.after()).isEmpty();
        assertThat(remove.before().orElseThrow().transitions()).hasSize(10);
    }

    @Test
    void reorderingPeriodsOrListsIsNoChange() {
        AwakePeriod morning = period(WEEKDAYS, "07:00", "12:00");
        AwakePeriod afternoon = period(WEEKDAYS, "13:00", "18:00");
        Schedule one = withPeriods(office("split"), List.of(morning, afternoon));
        Schedule other = withPeriods(office("split"), List.of(afternoon, morning));

        Plan plan = Plan.between(catalog(one), catalog(other), NOW, HOLIDAYS);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void aChangedCalendarChangesTheSchedulesThatUseItEvenWhenTheirFilesDidNot() {
        Schedule bavarian = new Schedule("munich-dev", "team-munich", "", BERLIN,
                List.of(period(WEEKDAYS, "07:30", "19:00")), List.of("de-by"), List.of(), List.of(), false, false,
                Scope.EVERYWHERE, AsleepCapacity.ZERO, "schedules/munich/munich-dev.yaml");
        HolidayCalendar before = calendar(List.of());
        HolidayCalendar after = calendar(List.of(new NamedDate(LocalDate.parse("2026-03-31"), "Company day")));

        Plan plan = Plan.between(catalog(Map.of("de-by", before), bavarian),
                catalog(Map.of("de-by", after), bavarian), NOW, HOLIDAYS);

        ScheduleChange change = plan.changes().get(0);
        assertThat(change.kind()).isEqualTo(ChangeKind.CHANGED);
        assertThat(change.changedFields()).isEmpty();
        assertThat(change.changedCalendars()).containsExactly("de-by");
        assertThat(change.before().orElseThrow().transitions()).contains(wake("2026-03-31T05:30:00Z"));
        assertThat(change.after().orElseThrow().transitions()).doesNotContain(wake("2026-03-31T05:30:00Z"))
                .hasSize(8);
        assertThat(plan.calendars()).isEqualTo(new NameChanges(List.of(), List.of("de-by"), List.of()));
    }

    @Test
    void reportsAccountsAddedChangedAndRemovedByAlias() {
        Account dev = new Account("111111111111", "dev-payments", List.of("eu-central-1"), List.of("dev"));
        Account staging = new Account("222222222222", "staging", List.of("eu-central-1"), List.of());
        Account sandbox = new Account("333333333333", "sandbox", List.of("us-east-1"), List.of("dev"));
        Account devMoreRegions = new Account("111111111111", "dev-payments", List.of("eu-central-1", "eu-west-1"),
                List.of("dev"));
        ScheduleCatalog base = ScheduleCatalog.of(Map.of(), Map.of(), new AccountRegistry(List.of(dev, staging)));
        ScheduleCatalog head = ScheduleCatalog.of(Map.of(), Map.of(),
                new AccountRegistry(List.of(devMoreRegions, sandbox)));

        Plan plan = Plan.between(base, head, NOW, HOLIDAYS);

        assertThat(plan.accounts()).isEqualTo(
                new NameChanges(List.of("sandbox"), List.of("dev-payments"), List.of("staging")));
        assertThat(plan.isEmpty()).isFalse();
    }

    @Test
    void aForecastSaysWhenTheScheduleIsSuspendedOrKeptAwake() {
        Schedule before = office("search-staging");
        Schedule after = rebuild(before, before.owner(), before.description(), BERLIN, List.of(),
                List.of(new KeepAwake(Instant.parse("2026-03-31T16:00:00Z"), "load test"),
                        new KeepAwake(Instant.parse("2026-03-01T00:00:00Z"), "expired long ago")),
                true, false, Scope.EVERYWHERE, AsleepCapacity.ZERO, before.file());

        ScheduleChange change = Plan.between(catalog(before), catalog(after), NOW, HOLIDAYS).changes().get(0);

        assertThat(change.before().orElseThrow().suspended()).isFalse();
        assertThat(change.before().orElseThrow().keptAwakeUntil()).isEmpty();
        Forecast forecast = change.after().orElseThrow();
        assertThat(forecast.suspended()).isTrue();
        assertThat(forecast.keptAwakeUntil()).contains(Instant.parse("2026-03-31T16:00:00Z"));
        // awake through the weekend until the override ends on Tuesday, then the periods again
        assertThat(forecast.transitions()).first().isEqualTo(sleep("2026-03-31T17:00:00Z"));
    }

    static Stream<Arguments> fieldChanges() {
        KeepAwake releaseNight = new KeepAwake(Instant.parse("2026-03-28T01:00:00Z"), "release night");
        return Stream.of(
                Arguments.of("owner", (UnaryOperator<Schedule>) s -> rebuild(s, "team-other", s.description(),
                        s.timeZone(), s.sleepOn(), s.keepAwake(), s.suspend(), s.enforce(), s.scope(), s.asleep(),
                        s.file()), List.of("metadata.owner")),
                Arguments.of("description", (UnaryOperator<Schedule>) s -> rebuild(s, s.owner(), "new words",
                        s.timeZone(), s.sleepOn(), s.keepAwake(), s.suspend(), s.enforce(), s.scope(), s.asleep(),
                        s.file()), List.of("metadata.description")),
                Arguments.of("time zone", (UnaryOperator<Schedule>) s -> rebuild(s, s.owner(), s.description(),
                        ZoneId.of("Europe/London"), s.sleepOn(), s.keepAwake(), s.suspend(), s.enforce(), s.scope(),
                        s.asleep(), s.file()), List.of("spec.timeZone")),
                Arguments.of("sleepOn", (UnaryOperator<Schedule>) s -> rebuild(s, s.owner(), s.description(),
                        s.timeZone(), List.of(LocalDate.parse("2026-03-30")), s.keepAwake(), s.suspend(),
                        s.enforce(), s.scope(), s.asleep(), s.file()), List.of("spec.sleepOn")),
                Arguments.of("keepAwake", (UnaryOperator<Schedule>) s -> rebuild(s, s.owner(), s.description(),
                        s.timeZone(), s.sleepOn(), List.of(releaseNight), s.suspend(), s.enforce(), s.scope(),
                        s.asleep(), s.file()), List.of("spec.keepAwake")),
                Arguments.of("suspend and enforce", (UnaryOperator<Schedule>) s -> rebuild(s, s.owner(),
                        s.description(), s.timeZone(), s.sleepOn(), s.keepAwake(), true, true, s.scope(),
                        s.asleep(), s.file()), List.of("spec.suspend", "spec.enforce")),
                Arguments.of("scope", (UnaryOperator<Schedule>) s -> rebuild(s, s.owner(), s.description(),
                        s.timeZone(), s.sleepOn(), s.keepAwake(), s.suspend(), s.enforce(),
                        new Scope(List.of("group:dev"), List.of("eu-central-1")), s.asleep(), s.file()),
                        List.of("spec.scope.accounts", "spec.scope.regions")),
                Arguments.of("asleep capacity", (UnaryOperator<Schedule>) s -> rebuild(s, s.owner(),
                        s.description(), s.timeZone(), s.sleepOn(), s.keepAwake(), s.suspend(), s.enforce(),
                        s.scope(), new AsleepCapacity(1, 1), s.file()), List.of("spec.asleep")),
                Arguments.of("moved file", (UnaryOperator<Schedule>) s -> rebuild(s, s.owner(), s.description(),
                        s.timeZone(), s.sleepOn(), s.keepAwake(), s.suspend(), s.enforce(), s.scope(),
                        s.asleep(), "schedules/other-team/" + s.name() + ".yaml"), List.of("file")),
                Arguments.of("warm-up", (UnaryOperator<Schedule>) s -> new Schedule(s.name(), s.owner(),
                        s.description(), s.timeZone(), s.awake(), s.calendars(), s.sleepOn(), s.keepAwake(),
                        s.suspend(), s.enforce(), s.scope(), s.asleep(), s.file(), Duration.ofMinutes(15)),
                        List.of("spec.warmUp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldChanges")
    void namesEachChangedFieldByItsYamlPath(String what, UnaryOperator<Schedule> edit, List<String> fields) {
        Schedule before = office("payments-dev");

        Plan plan = Plan.between(catalog(before), catalog(edit.apply(before)), NOW, HOLIDAYS);

        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.CHANGED);
            assertThat(change.changedFields()).containsExactlyElementsOf(fields);
        });
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private static Schedule office(String name) {
        return new Schedule(name, "team-" + name, "", BERLIN, List.of(period(WEEKDAYS, "07:30", "19:00")),
                List.of(), List.of(), List.of(), false, false, Scope.EVERYWHERE, AsleepCapacity.ZERO,
                "schedules/team/" + name + ".yaml");
    }

    private static Schedule withAwake(Schedule s, String from, String to) {
        return withPeriods(s, List.of(period(WEEKDAYS, from, to)));
    }

    private static Schedule withPeriods(Schedule s, List<AwakePeriod> periods) {
        return new Schedule(s.name(), s.owner(), s.description(), s.timeZone(), periods, s.calendars(), s.sleepOn(),
                s.keepAwake(), s.suspend(), s.enforce(), s.scope(), s.asleep(), s.file());
    }

    private static Schedule rebuild(Schedule s, String owner, String description, ZoneId zone, List<LocalDate> sleepOn,
            List<KeepAwake> keepAwake, boolean suspend, boolean enforce, Scope scope, AsleepCapacity asleep,
            String file) {
        return new Schedule(s.name(), owner, description, zone, s.awake(), s.calendars(), sleepOn, keepAwake, suspend,
                enforce, scope, asleep, file);
    }

    private static AwakePeriod period(EnumSet<DayOfWeek> days, String from, String to) {
        return new AwakePeriod(days, LocalTime.parse(from), LocalTime.parse(to));
    }

    private static HolidayCalendar calendar(List<NamedDate> dates) {
        return new HolidayCalendar("de-by", "", dates, Optional.empty(), Optional.empty(), "calendars/de-by.yaml");
    }

    private static ScheduleCatalog catalog(Schedule... schedules) {
        return catalog(Map.of(), schedules);
    }

    private static ScheduleCatalog catalog(Map<String, HolidayCalendar> calendars, Schedule... schedules) {
        return ScheduleCatalog.of(Stream.of(schedules).collect(Collectors.toMap(Schedule::name, s -> s)), calendars,
                AccountRegistry.EMPTY);
    }

    private static Transition wake(String at) {
        return new Transition(Instant.parse(at), PowerState.AWAKE);
    }

    private static Transition sleep(String at) {
        return new Transition(Instant.parse(at), PowerState.ASLEEP);
    }
}
