package dev.offhours.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescribeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonHasExactlyTheDocumentedShapeAcrossTheSpringForwardNight() throws Exception {
        CliRun run = CliRun.run("describe", "payments-dev", "--repo", CliRun.TEMPLATE.toString(),
                "--from", "2026-03-27", "--to", "2026-03-30", "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode root = JSON.readTree(run.out());
        assertThat(fieldNames(root)).containsExactly("schedule", "timeZone", "suspended", "from", "to",
                "awakeMinutes", "totalMinutes", "intervals");
        assertThat(root.get("schedule").asText()).isEqualTo("payments-dev");
        assertThat(root.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(root.get("suspended").asBoolean()).isFalse();
        assertThat(root.get("from").asText()).isEqualTo("2026-03-27");
        assertThat(root.get("to").asText()).isEqualTo("2026-03-30");
        assertThat(root.get("awakeMinutes").asLong()).as("two days of 07:30-19:00").isEqualTo(2 * 690);
        assertThat(root.get("totalMinutes").asLong()).as("four days, one of 23 hours").isEqualTo(4 * 1440 - 60);
        List<String> intervals = new ArrayList<>();
        for (JsonNode interval : root.get("intervals")) {
            assertThat(fieldNames(interval)).containsExactlyElementsOf(interval.get("state").asText().equals("AWAKE")
                    ? List.of("state", "capacityPercent", "from", "to") : List.of("state", "from", "to"));
            if (interval.has("capacityPercent")) {
                assertThat(interval.get("capacityPercent").asInt()).as("full capacity").isEqualTo(100);
            }
            intervals.add(interval.get("state").asText() + " " + interval.get("from").asText() + " "
                    + interval.get("to").asText());
        }
        assertThat(intervals).containsExactly(
                "ASLEEP 2026-03-27T00:00:00+01:00 2026-03-27T07:30:00+01:00",
                "AWAKE 2026-03-27T07:30:00+01:00 2026-03-27T19:00:00+01:00",
                "ASLEEP 2026-03-27T19:00:00+01:00 2026-03-30T07:30:00+02:00",
                "AWAKE 2026-03-30T07:30:00+02:00 2026-03-30T19:00:00+02:00",
                "ASLEEP 2026-03-30T19:00:00+02:00 2026-03-31T00:00:00+02:00");
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({
        // the spring-forward and fall-back nights of each zone, and a keepAwake that outlasts the range
        "payments-dev,       2026-03-28, 2026-03-29, Europe/Berlin",
        "payments-dev,       2026-10-24, 2026-10-26, Europe/Berlin",
        "support-late-shift, 2026-03-06, 2026-03-09, America/New_York",
        "support-late-shift, 2026-10-30, 2026-11-02, America/New_York",
        "data-platform-dev,  2026-03-27, 2026-04-06, Europe/London",
        "munich-ci-runners,  2026-12-21, 2027-01-08, Europe/Berlin",
        "search-staging,     2026-12-01, 2026-12-31, Europe/Berlin",
        "ml-sandbox,         2026-11-01, 2026-11-30, Asia/Kolkata",
    })
    void intervalsAreContiguousAlternateAndCoverFromMidnightToMidnightLocal(String name, LocalDate from,
            LocalDate to, String zone) throws Exception {
        CliRun run = CliRun.run("describe", name, "--repo", CliRun.TEMPLATE.toString(),
                "--from", from.toString(), "--to", to.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> intervals = StreamSupport.stream(JSON.readTree(run.out()).get("intervals").spliterator(),
                false).toList();
        ZoneId zoneId = ZoneId.of(zone);
        assertThat(instant(intervals.get(0).get("from"))).isEqualTo(from.atStartOfDay(zoneId).toOffsetDateTime());
        assertThat(instant(intervals.get(intervals.size() - 1).get("to")))
                .isEqualTo(to.plusDays(1).atStartOfDay(zoneId).toOffsetDateTime());
        for (int i = 1; i < intervals.size(); i++) {
            assertThat(intervals.get(i).get("from")).isEqualTo(intervals.get(i - 1).get("to"));
            assertThat(intervals.get(i).get("state")).isNotEqualTo(intervals.get(i - 1).get("state"));
        }
        for (JsonNode interval : intervals) {
            // every instant carries the offset the zone had at that instant
            OffsetDateTime start = instant(interval.get("from"));
            assertThat(start.getOffset()).isEqualTo(zoneId.getRules().getOffset(start.toInstant()));
            assertThat(start).isBefore(instant(interval.get("to")));
        }
    }

    @Test
    void theKeepAwakeOfTheTemplateKeepsSearchStagingAwakeUntilItExpires() throws Exception {
        CliRun run = CliRun.run("describe", "search-staging", "--repo", CliRun.TEMPLATE.toString(),
                "--from", "2027-01-14", "--to", "2027-01-15", "--format", "json");

        JsonNode intervals = JSON.readTree(run.out()).get("intervals");
        assertThat(intervals).hasSize(2);
        assertThat(intervals.get(0).get("state").asText()).isEqualTo("AWAKE");
        assertThat(intervals.get(0).get("to").asText()).isEqualTo("2027-01-15T18:00:00+01:00");
        assertThat(intervals.get(1).get("state").asText()).isEqualTo("ASLEEP");
    }

    @Test
    void textShowsLocalTimeAndUtcInATable() {
        CliRun run = CliRun.run("describe", "support-late-shift", "--repo", CliRun.TEMPLATE.toString(),
                "--from", "2026-03-06", "--to", "2026-03-06");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "support-late-shift (America/New_York), 2026-03-06 to 2026-03-06",
                "STATE   FROM (local)                TO (local)                  FROM (UTC)        TO (UTC)"
                        + "            HOURS",
                "AWAKE   Fri 2026-03-06 00:00 -05:00 Fri 2026-03-06 02:00 -05:00 2026-03-06 05:00  2026-03-06 07:00"
                        + "     2:00",
                "ASLEEP  Fri 2026-03-06 02:00 -05:00 Fri 2026-03-06 14:00 -05:00 2026-03-06 07:00  2026-03-06 19:00"
                        + "    12:00",
                "AWAKE   Fri 2026-03-06 14:00 -05:00 Sat 2026-03-07 00:00 -05:00 2026-03-06 19:00  2026-03-07 05:00"
                        + "    10:00",
                "awake 12:00 hours of 24:00");
    }

    @Test
    void anUnknownScheduleNamesTheKnownOnes() {
        CliRun run = CliRun.run("describe", "payments-prod", "--repo", CliRun.TEMPLATE.toString(),
                "--from", "2026-03-27", "--to", "2026-03-30");

        assertThat(run.exitCode()).as("a usage error").isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("offhours describe: no schedule named 'payments-prod' in "
                + "../schedules-repo-template; the schedules are: data-platform-dev, ml-sandbox, munich-ci-runners, "
                + "payments-dev, search-staging, support-late-shift.\n");
    }

    @Test
    void aProblemInTheSchedulesOwnFileIsListedAndExitsOne(@TempDir Path temp) throws Exception {
        ValidateCommandTest.copyTree(CliRun.TEMPLATE, temp);
        Path file = temp.resolve("schedules/payments/payments-dev.yaml");
        Files.writeString(file, Files.readString(file).replace("from: \"07:30\"", "from: \"7:30\""));

        CliRun run = CliRun.run("describe", "payments-dev", "--repo", temp.toString(),
                "--from", "2026-03-27", "--to", "2026-03-30");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(2);
        assertThat(run.err()).startsWith("schedules/payments/payments-dev.yaml:14:13: spec.awake[0].from '7:30' is not"
                + " a time").endsWith("offhours describe: payments-dev cannot be described: its file or what it "
                + "uses has 1 problem in 1 file (listed above).\n");
    }

    @Test
    void aBrokenFileOfAnotherTeamDoesNotStopDescribingThisScheduleButIsMentioned(@TempDir Path temp)
            throws Exception {
        ValidateCommandTest.copyTree(CliRun.TEMPLATE, temp);
        Path other = temp.resolve("schedules/support/support-late-shift.yaml");
        Files.writeString(other, Files.readString(other).replace("timeZone: ", "timeZon: "));

        CliRun run = CliRun.run("describe", "payments-dev", "--repo", temp.toString(),
                "--from", "2026-03-27", "--to", "2026-03-27");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("payments-dev (Europe/Berlin), 2026-03-27 to 2026-03-27");
        assertThat(run.out()).endsWith("awake 11:30 hours of 24:00\n");
        assertThat(run.err()).isEqualTo("offhours describe: note: " + temp + " has 1 problem in 1 file that "
                + "payments-dev does not use; offhours validate " + temp + " lists them. The hub applies no revision "
                + "with problems.\n");
    }

    @Test
    void aSuspendedScheduleSaysSoInTextAndJson() throws Exception {
        CliRun text = CliRun.run("describe", "ml-sandbox", "--repo", CliRun.TEMPLATE.toString(),
                "--from", "2026-03-27", "--to", "2026-03-27");
        CliRun json = CliRun.run("describe", "ml-sandbox", "--repo", CliRun.TEMPLATE.toString(),
                "--from", "2026-03-27", "--to", "2026-03-27", "--format", "json");

        assertThat(text.exitCode()).isZero();
        assertThat(text.outLines().get(1)).isEqualTo("suspended (spec.suspend: true): offhours takes no action on "
                + "its targets, which stay as they are; the rows show what it would do without suspend.");
        assertThat(json.exitCode()).isZero();
        assertThat(JSON.readTree(json.out()).get("suspended").asBoolean()).isTrue();
    }

    @Test
    void aReducedEveningAndAWarmUpShowInTextAndJson(@TempDir Path temp) throws Exception {
        ValidateCommandTest.copyTree(CliRun.TEMPLATE, temp);
        Files.writeString(temp.resolve("schedules/payments/evenings.yaml"), """
                apiVersion: offhours.dev/v1
                kind: Schedule
                metadata:
                  name: evenings
                  owner: team-payments
                spec:
                  timeZone: Europe/Berlin
                  warmUp: 15m
                  awake:
                    - days: Mon-Fri
                      from: "08:00"
                      to: "18:00"
                    - days: Mon-Fri
                      from: "18:00"
                      to: "22:00"
                      capacity: "30%"
                """);

        CliRun text = CliRun.run("describe", "evenings", "--repo", temp.toString(), "--from", "2026-03-27",
                "--to", "2026-03-27");
        CliRun json = CliRun.run("describe", "evenings", "--repo", temp.toString(), "--from", "2026-03-27",
                "--to", "2026-03-27", "--format", "json");

        assertThat(text.exitCode()).isZero();
        assertThat(text.outLines()).containsSubsequence(
                "warm-up 15m: wake-ups and upward resizes start that long before their periods (included in the rows)",
                "STATE   FROM (local)                TO (local)                  FROM (UTC)        TO (UTC)"
                        + "            HOURS CAPACITY",
                "AWAKE   Fri 2026-03-27 07:45 +01:00 Fri 2026-03-27 18:00 +01:00 2026-03-27 06:45  2026-03-27 17:00"
                        + "    10:15     100%",
                "AWAKE   Fri 2026-03-27 18:00 +01:00 Fri 2026-03-27 22:00 +01:00 2026-03-27 17:00  2026-03-27 21:00"
                        + "     4:00      30%");
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.get("warmUpMinutes").asInt()).isEqualTo(15);
        List<String> intervals = new ArrayList<>();
        for (JsonNode interval : root.get("intervals")) {
            intervals.add(interval.get("state").asText() + " " + interval.path("capacityPercent").asText("-"));
        }
        assertThat(intervals).containsExactly("ASLEEP -", "AWAKE 100", "AWAKE 30", "ASLEEP -");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-30, 2026-03-27, '--to 2026-03-27 is before --from 2026-03-30'",
        "2026-3-27,  2026-03-30, '--from must be a date like 2026-03-29, not ''2026-3-27'''",
    })
    void badDatesAreExplained(String from, String to, String message) {
        CliRun run = CliRun.run("describe", "payments-dev", "--repo", CliRun.TEMPLATE.toString(),
                "--from", from, "--to", to);

        assertThat(run.exitCode()).as("a usage error").isEqualTo(2);
        assertThat(run.err()).startsWith("offhours describe: " + message);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static OffsetDateTime instant(JsonNode text) {
        return OffsetDateTime.parse(text.asText());
    }
}
