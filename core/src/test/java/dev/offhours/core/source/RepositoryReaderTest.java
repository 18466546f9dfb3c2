package dev.offhours.core.source;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepositoryReaderTest {

    private static final String NIGHT_SHIFT = """
            # yaml-language-server: $schema=../../schema/schedule.schema.json
            apiVersion: offhours.dev/v1
            kind: Schedule
            metadata:
              name: ops-night-shift
              owner: team-ops
            spec:
              timeZone: America/New_York
              awake:
                - days: Sun-Thu
                  from: "22:00"
                  to: "06:00"
                - days: SAT
                  from: "00:00"
                  to: "24:00"
                - days: fri
                  from: "09:00"
                  to: "17:00"
            """;

    @Test
    void aValidRepositoryReadsIntoItsCatalog() {
        Map<String, String> files = Repos.valid();
        files.put("schedules/ops/ops-night-shift.yml", NIGHT_SHIFT);
        files.put("schema/schedule.schema.json", "{}");
        files.put(".github/workflows/validate.yaml", "on: pull_request\n");

        RepositoryReadResult result = Repos.read(files);

        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Schedule payments = new Schedule("payments-dev", "team-payments", "Dev capacity of the payments team",
                ZoneId.of("Europe/Berlin"),
                List.of(new AwakePeriod(weekdays, LocalTime.of(7, 30), LocalTime.of(19, 0)),
                        new AwakePeriod(Set.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0))),
                List.of("de-by"), List.of(LocalDate.of(2026, 12, 24)),
                List.of(new KeepAwake(Instant.parse("2026-11-28T01:00:00Z"), "release night")), false, false,
                new Scope(List.of("dev-payments", "group:dev"), List.of("eu-central-1")), AsleepCapacity.ZERO,
                Repos.SCHEDULE_PATH);
        Schedule nightShift = new Schedule("ops-night-shift", "team-ops", "", ZoneId.of("America/New_York"),
                List.of(new AwakePeriod(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY), LocalTime.of(22, 0), LocalTime.of(6, 0)),
                        new AwakePeriod(Set.of(DayOfWeek.SATURDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                        new AwakePeriod(Set.of(DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                List.of(), List.of(), List.of(), false, false, Scope.EVERYWHERE, AsleepCapacity.ZERO,
                "schedules/ops/ops-night-shift.yml");
        HolidayCalendar deBy = new HolidayCalendar("de-by", "Public holidays in Bavaria, plus the company's days off",
                List.of(new NamedDate(LocalDate.of(2026, 12, 24), "Christmas Eve"),
                        new NamedDate(LocalDate.of(2026, 12, 31), "New Year's Eve")),
                Optional.of("de"), Optional.of("by"), Repos.CALENDAR_PATH);
        AccountRegistry accounts = new AccountRegistry(List.of(
                new Account("012345678901", "dev-payments", List.of("eu-central-1"), List.of("dev")),
                new Account("123456789012", "prod-payments", List.of("eu-central-1", "eu-west-1"), List.of("prod"))));
        assertThat(result.problems()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.catalog()).isEqualTo(ScheduleCatalog.of(
                Map.of("payments-dev", payments, "ops-night-shift", nightShift), Map.of("de-by", deBy), accounts));
    }

    @Test
    void everyProblemOfEveryFileIsReportedSorted() {
        Map<String, String> files = Repos.with(Repos.SCHEDULE_PATH, "Europe/Berlin", "Mars/Olympus");
        files.put(Repos.ACCOUNTS_PATH, files.get(Repos.ACCOUNTS_PATH).replace("eu-west-1", "eu-west"));
        files.put("schedules/ops/ops-night-shift.yaml", NIGHT_SHIFT.replace("to: \"06:00\"", "to: \"6am\"")
                .replace("team-ops", "team-ops\n  colour: blue"));
        files.put("schedules/web/broken.yaml", "apiVersion: offhours.dev/v1\nkind: [Schedule\n");
        files.put("schedules/stray.yaml", Repos.SCHEDULE);
        files.put("calendars/holidays/de-by.yaml", Repos.CALENDAR);

        RepositoryReadResult result = Repos.read(files);

        assertThat(result.problems()).map(Problem::toString).containsExactly(
                "accounts.yaml:11:31: spec.accounts[1].regions[1] 'eu-west' is not an AWS region code; use a code like"
                        + " 'eu-central-1' or 'us-east-1'",
                "calendars/holidays/de-by.yaml: calendar files belong directly in calendars/: move it to"
                        + " calendars/de-by.yaml",
                "schedules/ops/ops-night-shift.yaml:7:3: unknown field 'colour' in metadata; valid fields: name, owner,"
                        + " description",
                "schedules/ops/ops-night-shift.yaml:13:11: spec.awake[0].to '6am' is not a time; use HH:MM from 00:00"
                        + " to 23:59 or 24:00 for the end of the day, e.g. \"07:30\"",
                "schedules/payments/payments-dev.yaml:8:13: spec.timeZone 'Mars/Olympus' is not a valid time zone; use"
                        + " a region-based IANA time zone id such as 'Europe/Berlin' (abbreviations like 'CET' or 'EST'"
                        + " and fixed offsets do not follow daylight saving time)",
                "schedules/stray.yaml: schedule files belong in a team folder: move it to"
                        + " schedules/<team>/stray.yaml",
                "schedules/web/broken.yaml:3:1: YAML syntax error: expected ',' or ']', but got <stream end> (while"
                        + " parsing a flow sequence); check the indentation and quote values that contain ': ' or"
                        + " start with a special character");
        assertThat(result.catalog().schedules()).isEmpty();
    }

    @Test
    void aNameUsedTwiceIsReportedOnTheLaterFileNamingTheEarlierOne() {
        Map<String, String> files = Repos.valid();
        files.put("schedules/web/payments-dev.yaml", Repos.SCHEDULE);
        files.put("calendars/de-by.yml", Repos.CALENDAR);

        RepositoryReadResult result = Repos.read(files);

        assertThat(result.problems()).map(Problem::toString).containsExactly(
                "calendars/de-by.yml:4:9: the calendar name 'de-by' is already used by calendars/de-by.yaml; calendar"
                        + " names must be unique in the repository",
                "schedules/web/payments-dev.yaml:4:9: the schedule name 'payments-dev' is already used by"
                        + " schedules/payments/payments-dev.yaml; schedule names must be unique in the repository");
    }

    @Test
    void referencesToAccountsNeedAnAccountsFile() {
        Map<String, String> files = Repos.valid();
        files.remove(Repos.ACCOUNTS_PATH);

        RepositoryReadResult result = Repos.read(files);

        assertThat(result.problems()).map(Problem::toString).containsExactly(
                Repos.SCHEDULE_PATH + ":24:16: spec.scope.accounts names 'dev-payments', which is neither an alias nor"
                        + " an id in accounts.yaml; use an account alias, a 12-digit id or 'group:<name>'",
                Repos.SCHEDULE_PATH + ":24:30: spec.scope.accounts names the group 'dev', which no account in"
                        + " accounts.yaml belongs to; accounts.yaml defines no groups");
    }

    @Test
    void accountIdsSelectAccountsToo() {
        Map<String, String> files = Repos.with(Repos.SCHEDULE_PATH, "dev-payments, \"group:dev\"",
                "\"123456789012\", 012345678901");

        assertThat(Repos.read(files).problems()).isEmpty();
    }
}
