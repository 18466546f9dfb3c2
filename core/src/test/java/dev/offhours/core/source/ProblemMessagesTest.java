package dev.offhours.core.source;

import static dev.offhours.core.source.Repos.ACCOUNTS_PATH;
import static dev.offhours.core.source.Repos.CALENDAR_PATH;
import static dev.offhours.core.source.Repos.SCHEDULE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One validation error at a time (several expected problems are separated by newlines): the valid repository of {@link Repos} with one piece of text replaced must report
 * exactly the expected {@code path:line:column: sentence}.
 */
class ProblemMessagesTest {

    private static final String S = SCHEDULE_PATH + ":";
    private static final String ZONE_ADVICE = "use a region-based IANA time zone id such as '%s' (abbreviations like"
            + " 'CET' or 'EST' and fixed offsets do not follow daylight saving time)";

    static Stream<Arguments> cases() {
        return Stream.of(
                // the document header
                Arguments.of(SCHEDULE_PATH, "offhours.dev/v1", "offhours.dev/v2",
                        S + "1:13: apiVersion 'offhours.dev/v2' is not supported; use 'offhours.dev/v1'"),
                Arguments.of(SCHEDULE_PATH, "apiVersion: offhours.dev/v1\n", "",
                        S + "1:1: the top level is missing the required field 'apiVersion'; add for example"
                                + " 'apiVersion: offhours.dev/v1'"),
                Arguments.of(SCHEDULE_PATH, "kind: Schedule", "kind: Calendar",
                        S + "2:7: kind 'Calendar' is not valid here; files under schedules/ must have 'kind: Schedule'"),
                Arguments.of(CALENDAR_PATH, "kind: Calendar", "kind: Schedule",
                        CALENDAR_PATH + ":2:7: kind 'Schedule' is not valid here; files under calendars/ must have"
                                + " 'kind: Calendar'"),
                // required and unknown fields
                Arguments.of(SCHEDULE_PATH, "  owner: team-payments\n", "",
                        S + "3:1: metadata is missing the required field 'owner'; add for example"
                                + " 'owner: team-payments'"),
                Arguments.of(SCHEDULE_PATH, "  timeZone: Europe/Berlin\n", "",
                        S + "7:1: spec is missing the required field 'timeZone'; add for example"
                                + " 'timeZone: Europe/Berlin'"),
                Arguments.of(SCHEDULE_PATH, "timeZone:", "timezone:",
                        S + "8:3: unknown field 'timezone' in spec; did you mean 'timeZone'? valid fields: timeZone,"
                                + " awake, calendars, sleepOn, keepAwake, suspend, enforce, scope, asleep, warmUp"),
                Arguments.of(SCHEDULE_PATH, "      reason: release night", "      reason: release night\n"
                        + "      ticket: OPS-1",
                        S + "21:7: unknown field 'ticket' in spec.keepAwake[0]; valid fields: from, until, reason"),
                Arguments.of(SCHEDULE_PATH, "  owner: team-payments\n", "  owner: team-payments\n  owner: x\n",
                        S + "6:3: the field 'owner' appears twice in metadata (first at line 5); keep only one"),
                Arguments.of(SCHEDULE_PATH, "owner: team-payments", "owner:",
                        S + "5:9: metadata.owner must be a non-empty text, not an empty value; use for example"
                                + " 'team-payments'"),
                Arguments.of(SCHEDULE_PATH, "suspend: false", "suspend: yes",
                        S + "21:12: spec.suspend must be true or false, not the text 'yes'"),
                Arguments.of(SCHEDULE_PATH, "calendars: [de-by]", "calendars: de-by",
                        S + "16:14: spec.calendars must be a list, not the text 'de-by'; write for example [de-by]"),
                // names
                Arguments.of(SCHEDULE_PATH, "name: payments-dev", "name: Payments_Dev",
                        S + "4:9: metadata.name 'Payments_Dev' is not a valid name; use 1 to 63 lowercase letters,"
                                + " digits and '-', starting and ending with a letter or digit, e.g. 'payments-dev'"),
                Arguments.of(SCHEDULE_PATH, "name: payments-dev", "name: payments-test",
                        S + "4:9: metadata.name 'payments-test' does not match the file name 'payments-dev.yaml';"
                                + " rename the file to 'payments-test.yaml' or set the name to 'payments-dev'"),
                // time zones
                Arguments.of(SCHEDULE_PATH, "Europe/Berlin", "CET",
                        S + "8:13: spec.timeZone 'CET' is not a valid time zone; " + ZONE_ADVICE.formatted("Europe/Berlin")),
                Arguments.of(SCHEDULE_PATH, "Europe/Berlin", "EST",
                        S + "8:13: spec.timeZone 'EST' is not a valid time zone; "
                                + ZONE_ADVICE.formatted("America/New_York")),
                Arguments.of(SCHEDULE_PATH, "Europe/Berlin", "Europe/Berlim",
                        S + "8:13: spec.timeZone 'Europe/Berlim' is not a valid time zone; "
                                + ZONE_ADVICE.formatted("Europe/Berlin")),
                Arguments.of(SCHEDULE_PATH, "Europe/Berlin", "Etc/GMT+10",
                        S + "8:13: spec.timeZone 'Etc/GMT+10' is not a valid time zone; "
                                + ZONE_ADVICE.formatted("Pacific/Honolulu")),
                Arguments.of(SCHEDULE_PATH, "Europe/Berlin", "Etc/UTC",
                        S + "8:13: spec.timeZone 'Etc/UTC' is not a valid time zone; " + ZONE_ADVICE.formatted("UTC")),
                Arguments.of(SCHEDULE_PATH, "Europe/Berlin", "US/Eastern",
                        S + "8:13: spec.timeZone 'US/Eastern' is not a valid time zone; "
                                + ZONE_ADVICE.formatted("America/New_York")),
                Arguments.of(SCHEDULE_PATH, "Europe/Berlin", "Canada/Pacific",
                        S + "8:13: spec.timeZone 'Canada/Pacific' is not a valid time zone; "
                                + ZONE_ADVICE.formatted("America/Vancouver")),
                Arguments.of(SCHEDULE_PATH, "Europe/Berlin", "\"+01:00\"",
                        S + "8:13: spec.timeZone '+01:00' is not a valid time zone; "
                                + ZONE_ADVICE.formatted("Europe/Berlin")),
                // days and times
                Arguments.of(SCHEDULE_PATH, "Mon-Fri", "Mon-Fry",
                        S + "10:13: spec.awake[0].days 'Mon-Fry' is not valid: 'Fry' is not a day; " + Days.RULE),
                Arguments.of(SCHEDULE_PATH, "Mon-Fri", "Mon-Fri,Wed",
                        S + "10:13: spec.awake[0].days 'Mon-Fri,Wed' is not valid: Wed is named twice; " + Days.RULE),
                Arguments.of(SCHEDULE_PATH, "Mon-Fri", "Mon-Mon",
                        S + "10:13: spec.awake[0].days 'Mon-Mon' is not valid: the range 'Mon-Mon' starts and ends on"
                                + " the same day; " + Days.RULE),
                Arguments.of(SCHEDULE_PATH, "\"07:30\"", "7:30",
                        S + "11:13: spec.awake[0].from '7:30' is not a time; use HH:MM from 00:00 to 23:59,"
                                + " e.g. \"07:30\""),
                Arguments.of(SCHEDULE_PATH, "\"19:00\"", "\"25:00\"",
                        S + "12:11: spec.awake[0].to '25:00' is not a time; use HH:MM from 00:00 to 23:59 or 24:00"
                                + " for the end of the day, e.g. \"07:30\""),
                Arguments.of(SCHEDULE_PATH, "\"07:30\"", "\"24:00\"",
                        S + "11:13: spec.awake[0].from may not be '24:00', the end of a day; a period that starts at"
                                + " midnight has from: \"00:00\""),
                Arguments.of(SCHEDULE_PATH, "\"19:00\"", "\"07:30\"",
                        S + "12:11: spec.awake[0] from 07:30 to 07:30 is empty; for a whole day write from: \"00:00\""
                                + " and to: \"24:00\""),
                Arguments.of(SCHEDULE_PATH, "days: Sat\n      from: \"22:00\"", "days: Wed\n      from: \"12:00\"",
                        S + "13:7: spec.awake[1] overlaps spec.awake[0] (line 10): Wed 07:30-19:00 and Wed"
                                + " 12:00-02:00 share time; awake periods must not overlap, change their days or times"),
                Arguments.of(SCHEDULE_PATH, "days: Sat\n      from: \"22:00\"\n      to: \"02:00\"",
                        "days: Thu\n      from: \"21:00\"\n      to: \"08:00\"",
                        S + "13:7: spec.awake[1] overlaps spec.awake[0] (line 10): Fri 07:30-19:00 and Thu"
                                + " 21:00-08:00 share time; awake periods must not overlap, change their days or times"),
                Arguments.of(SCHEDULE_PATH, "days: Sat", "days: Fri-Mon\n      from: \"18:00\"\n      to: \"08:00\"\n"
                        + "    - days: Sun",
                        S + "13:7: spec.awake[1] overlaps spec.awake[0] (line 10): Mon 07:30-19:00 and Mon"
                                + " 18:00-08:00 share time; awake periods must not overlap, change their days or times"
                                + "\n" + S + "16:7: spec.awake[2] overlaps spec.awake[1] (line 13): Sun 18:00-08:00 and Sun"
                                + " 22:00-02:00 share time; awake periods must not overlap, change their days or times"),
                // monthly selectors
                Arguments.of(SCHEDULE_PATH, "Mon-Fri", "Mon#6",
                        S + "10:13: spec.awake[0].days 'Mon#6' is not valid: 'Mon#6' is not an nth weekday; a month has"
                                + " at most five of each weekday, use #1 to #5 or #L for the last; " + Days.RULE),
                Arguments.of(SCHEDULE_PATH, "Mon-Fri", "\"Mon,Mon#1\"",
                        S + "10:13: spec.awake[0].days 'Mon,Mon#1' is not valid: Mon is named twice: every Mon already"
                                + " includes Mon#1; " + Days.RULE),
                Arguments.of(SCHEDULE_PATH, "days: Mon-Fri\n", "days: Mon-Fri\n      monthDays: \"0\"\n",
                        S + "11:18: spec.awake[0].monthDays '0' is not valid: '0' is not a day of the month; "
                                + MonthSelectors.MONTH_DAYS_RULE),
                Arguments.of(SCHEDULE_PATH, "days: Mon-Fri\n", "days: Mon-Fri\n      monthDays: 20-5\n",
                        S + "11:18: spec.awake[0].monthDays '20-5' is not valid: the range '20-5' ends before it starts;"
                                + " ranges of days of the month do not wrap, list both parts instead, e.g. '25-L,1-5'; "
                                + MonthSelectors.MONTH_DAYS_RULE),
                Arguments.of(SCHEDULE_PATH, "days: Mon-Fri\n", "days: Mon-Fri\n      months: Foo\n",
                        S + "11:15: spec.awake[0].months 'Foo' is not valid: 'Foo' is not a month; "
                                + MonthSelectors.MONTHS_RULE),
                Arguments.of(SCHEDULE_PATH, "days: Mon-Fri\n", "days: Mon-Fri\n      months: Jan-Jan\n",
                        S + "11:15: spec.awake[0].months 'Jan-Jan' is not valid: the range 'Jan-Jan' starts and ends in"
                                + " the same month; " + MonthSelectors.MONTHS_RULE),
                Arguments.of(SCHEDULE_PATH, "days: Mon-Fri\n", "monthDays: \"30\"\n      months: Feb\n",
                        S + "10:7: spec.awake[0] applies on no day at all: no date has every one of its days, monthDays"
                                + " and months; widen one of them"),
                Arguments.of(SCHEDULE_PATH, "days: Sat\n      from: \"22:00\"\n      to: \"02:00\"",
                        "days: Mon#1\n      from: \"18:00\"\n      to: \"20:00\"",
                        S + "13:7: spec.awake[1] overlaps spec.awake[0] (line 10): Mon 07:30-19:00 and Mon 18:00-20:00"
                                + " share time, first on 2026-01-05; awake periods must not overlap, change their days"
                                + " or times"),
                Arguments.of(SCHEDULE_PATH, "days: Sat\n      from: \"22:00\"\n      to: \"02:00\"",
                        "monthDays: L\n      months: Feb\n      from: \"19:00\"\n      to: \"08:00\"",
                        S + "13:7: spec.awake[1] overlaps spec.awake[0] (line 10): Mon 07:30-19:00 and Sun 19:00-08:00"
                                + " share time, first on 2027-03-01; awake periods must not overlap, change their days"
                                + " or times"),
                // capacity
                Arguments.of(SCHEDULE_PATH, "to: \"19:00\"\n", "to: \"19:00\"\n      capacity: \"0%\"\n",
                        S + "13:17: spec.awake[0].capacity '0%' is not valid; use a share of the saved awake capacity"
                                + " from 1% to 100% (the default), e.g. \"30%\""),
                Arguments.of(SCHEDULE_PATH, "to: \"19:00\"\n", "to: \"19:00\"\n      capacity: 30\n",
                        S + "13:17: spec.awake[0].capacity '30' is not valid; use a share of the saved awake capacity"
                                + " from 1% to 100% (the default), e.g. \"30%\""),
                // warm-up
                Arguments.of(SCHEDULE_PATH, "  enforce: false\n", "  enforce: false\n  warmUp: 3h\n",
                        S + "23:11: spec.warmUp '3h' is over the maximum of 2h; use minutes or hours from 1m to 2h,"
                                + " e.g. '10m', '45m', '1h30m' or '2h'"),
                Arguments.of(SCHEDULE_PATH, "  enforce: false\n", "  enforce: false\n  warmUp: 10 minutes\n",
                        S + "23:11: spec.warmUp '10 minutes' is not a duration; use minutes or hours from 1m to 2h,"
                                + " e.g. '10m', '45m', '1h30m' or '2h'"),
                // keepAwake, dates, capacity
                Arguments.of(SCHEDULE_PATH, "    - until:", "    - from: \"2026-11-29T00:00:00+01:00\"\n      until:",
                        S + "19:13: spec.keepAwake[0].from '2026-11-29T00:00+01:00' is not before until"
                                + " '2026-11-28T02:00+01:00'; a planned keepAwake window must end after it starts"),
                Arguments.of(SCHEDULE_PATH, "\"2026-12-24\"", "\"2027-01-01..2026-12-24\"",
                        S + "17:13: spec.sleepOn[0] '2027-01-01..2026-12-24' ends before it starts; write the earlier"
                                + " date first, e.g. '2026-12-24..2027-01-01'"),
                Arguments.of(SCHEDULE_PATH, "\"2026-12-24\"", "\"2026-12-24..2026-12-3x\"",
                        S + "17:13: spec.sleepOn[0] '2026-12-24..2026-12-3x' is not a date range; use"
                                + " YYYY-MM-DD..YYYY-MM-DD, e.g. '2026-12-24..2027-01-01'"),
                Arguments.of(SCHEDULE_PATH, "\"2026-12-24\"", "\"2026-01-01..2027-12-31\"",
                        S + "17:13: spec.sleepOn[0] '2026-01-01..2027-12-31' is 730 days long; a range may be at most"
                                + " 366 days; split it into several ranges"),
                Arguments.of(SCHEDULE_PATH, "+01:00\"", "\"",
                        S + "19:14: spec.keepAwake[0].until '2026-11-28T02:00:00' has no UTC offset; add one like"
                                + " '+01:00' or 'Z', e.g. '2026-11-28T02:00:00+01:00'"),
                Arguments.of(SCHEDULE_PATH, "\"2026-11-28T02:00:00+01:00\"", "tomorrow",
                        S + "19:14: spec.keepAwake[0].until 'tomorrow' is not a date and time; use ISO-8601 with an"
                                + " offset, e.g. \"2026-11-28T02:00:00+01:00\""),
                Arguments.of(SCHEDULE_PATH, "2026-12-24", "2026-02-30",
                        S + "17:13: spec.sleepOn[0] '2026-02-30' is not a date; use YYYY-MM-DD, e.g. '2026-12-24'"),
                Arguments.of(SCHEDULE_PATH, "min: 0", "min: 2",
                        S + "26:17: spec.asleep.min (2) is greater than spec.asleep.desired (0); min must be at most"
                                + " desired"),
                Arguments.of(SCHEDULE_PATH, "desired: 0", "desired: -1",
                        S + "26:29: spec.asleep.desired must be a whole number from 0 to 100000, not the text '-1'"),
                // references across files
                Arguments.of(SCHEDULE_PATH, "[de-by]", "[de-bx]",
                        S + "16:15: spec.calendars names the unknown calendar 'de-bx'; there is no calendars/de-bx.yaml;"
                                + " did you mean 'de-by'? known calendars: de-by"),
                Arguments.of(SCHEDULE_PATH, "group:dev", "group:devs",
                        S + "24:30: spec.scope.accounts names the group 'devs', which no account in accounts.yaml"
                                + " belongs to; did you mean 'group:dev'? known groups: dev, prod"),
                Arguments.of(SCHEDULE_PATH, "dev-payments,", "dev-paymnts,",
                        S + "24:16: spec.scope.accounts names 'dev-paymnts', which is neither an alias nor an id in"
                                + " accounts.yaml; did you mean 'dev-payments'? use an account alias, a 12-digit id or"
                                + " 'group:<name>'"),
                Arguments.of(SCHEDULE_PATH, "eu-central-1", "eu-central",
                        S + "25:15: spec.scope.regions[0] 'eu-central' is not an AWS region code; use a code like"
                                + " 'eu-central-1' or 'us-east-1'"),
                // calendars
                Arguments.of(CALENDAR_PATH, "country: de", "country: xx",
                        CALENDAR_PATH + ":7:12: spec.country 'xx' is not a country the holiday library knows; use an"
                                + " ISO 3166-1 alpha-2 code such as 'de', 'us' or 'gb'"),
                Arguments.of(CALENDAR_PATH, "subdivision: by", "subdivision: bx",
                        CALENDAR_PATH + ":8:16: spec.subdivision 'bx' is not a subdivision of 'de'; use one of: bb, be,"
                                + " bw, by, hb, he, hh, mv, ni, nw, rp, sh, sl, sn, st, th"),
                Arguments.of(CALENDAR_PATH, "  country: de\n", "",
                        CALENDAR_PATH + ":7:16: spec.subdivision needs spec.country; add the country it belongs to,"
                                + " e.g. 'country: de'"),
                Arguments.of(CALENDAR_PATH, "\"2026-12-31\"", "\"2026-12-31..2026-12-30\"",
                        CALENDAR_PATH + ":12:13: spec.dates[1].date '2026-12-31..2026-12-30' ends before it starts;"
                                + " write the earlier date first, e.g. '2026-12-30..2026-12-31'"),
                Arguments.of(CALENDAR_PATH, "\"2026-12-31\"", "\"2026-13-31\"",
                        CALENDAR_PATH + ":12:13: spec.dates[1].date '2026-13-31' is not a date; use YYYY-MM-DD, e.g."
                                + " '2026-12-24'"),
                // accounts
                Arguments.of(ACCOUNTS_PATH, "\"123456789012\"", "12345",
                        ACCOUNTS_PATH + ":9:11: spec.accounts[1].id '12345' is not an AWS account id; use exactly 12"
                                + " digits, e.g. \"012345678901\" (quoted, so that leading zeros stay)"),
                Arguments.of(ACCOUNTS_PATH, "\"123456789012\"", "\"012345678901\"",
                        ACCOUNTS_PATH + ":9:11: the account id '012345678901' is listed twice (first at line 5); each"
                                + " account id must be unique"),
                Arguments.of(ACCOUNTS_PATH, "alias: prod-payments", "alias: dev-payments",
                        ACCOUNTS_PATH + ":10:14: the account alias 'dev-payments' is listed twice (first at line 6);"
                                + " each account alias must be unique"),
                Arguments.of(ACCOUNTS_PATH, "eu-west-1", "eu-west",
                        ACCOUNTS_PATH + ":11:31: spec.accounts[1].regions[1] 'eu-west' is not an AWS region code; use"
                                + " a code like 'eu-central-1' or 'us-east-1'"),
                // YAML itself
                Arguments.of(SCHEDULE_PATH, "  owner: team-payments", "  owner: team: payments",
                        S + "5:14: YAML syntax error: mapping values are not allowed here; check the indentation and"
                                + " quote values that contain ': ' or start with a special character"),
                Arguments.of(SCHEDULE_PATH, "reason: release night", "reason: !secret release night",
                        S + "20:15: the tag '!secret' is not allowed; write plain values without tags"),
                Arguments.of(SCHEDULE_PATH, "asleep: {min: 0, desired: 0}\n", "asleep: {min: 0, desired: 0}\n---\n",
                        S + "28:1: the file holds more than one YAML document; keep one document per file and remove"
                                + " the '---' separator and what follows"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("cases")
    void reportsExactlyTheseProblems(String path, String from, String to, String expectedLines) {
        RepositoryReadResult result = Repos.read(Repos.with(path, from, to));

        assertThat(result.problems()).map(Problem::toString).containsExactly(expectedLines.split("\n"));
        assertThat(result.valid()).isFalse();
    }
}
