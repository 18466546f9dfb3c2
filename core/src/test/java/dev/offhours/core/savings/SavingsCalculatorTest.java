package dev.offhours.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.Action;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What a team reads on the savings page, from the records the workers wrote. */
class SavingsCalculatorTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant WEEK_END = MONDAY.plus(Duration.ofDays(7));
    private static final PriceTable PRICES = new PriceTable(LocalDate.parse("2026-11-01"), "USD", "m5.large",
            Map.of("eu-west-1", Map.of("m5.large", 0.10)));
    private static final String WEB = "111111111111#eu-west-1#asg#web";
    private static final Capacity AWAKE = new Capacity(2, 4, 8);
    private static final Capacity ASLEEP = new Capacity(0, 0, 0);

    /** Records written as "SLEEP@hour" or "WAKE@hour" (hours after Monday 00:00 UTC), outcome SUCCEEDED unless "!". */
    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("one night", List.of("SLEEP@18", "WAKE@30"), 12.0, 48.0),
                Arguments.of("asleep at the end of the window", List.of("SLEEP@158"), 10.0, 40.0),
                Arguments.of("asleep before the window began", List.of("WAKE@6"), 6.0, 24.0),
                Arguments.of("a failed sleep saves nothing", List.of("SLEEP@18!", "WAKE@30"), 0.0, 0.0),
                Arguments.of("two nights", List.of("SLEEP@18", "WAKE@30", "SLEEP@42", "WAKE@54"), 24.0, 96.0),
                Arguments.of("a duplicate sleep does not restart the night", List.of("SLEEP@18", "SLEEP@20",
                        "WAKE@30"), 12.0, 48.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void hoursAsleepAndInstanceHoursOfOneTarget(String name, List<String> history, double hours,
                                                double instanceHours) {
        SavingsReport report = SavingsCalculator.compute(records(history), MONDAY, WEEK_END, s -> "team-web",
                PRICES);
        assertThat(report.total().hoursAsleep()).isEqualTo(hours);
        assertThat(report.total().instanceHours()).isEqualTo(instanceHours);
        assertThat(report.total().estimatedCost()).isEqualTo(Math.round(instanceHours * 0.10 * 100) / 100.0);
    }

    @Test
    void aNightAcrossMidnightIsSplitIntoItsDaysAndCountedPerScheduleAccountAndTeam() {
        SavingsReport report = SavingsCalculator.compute(records(List.of("SLEEP@18", "WAKE@30")), MONDAY, WEEK_END,
                s -> "team-web", PRICES);
        assertThat(report.days()).containsExactly(
                new SavingsReport.Day(LocalDate.parse("2026-03-02"), 24.0, 2.4),
                new SavingsReport.Day(LocalDate.parse("2026-03-03"), 24.0, 2.4));
        assertThat(report.bySchedule()).extracting(SavingsReport.Line::key).containsExactly("office-hours");
        assertThat(report.byAccount()).extracting(SavingsReport.Line::key).containsExactly("111111111111");
        assertThat(report.byTeam()).extracting(SavingsReport.Line::key).containsExactly("team-web");
        assertThat(report.priceDate()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(report.assumedInstanceType()).isEqualTo("m5.large");
    }

    @Test
    void aPriceFileProblemNamesTheFileAndTheField() {
        String json = "{\"priceDate\": \"2026-11-01\", \"currency\": \"USD\", \"assumedInstanceType\": \"m5.large\","
                + " \"regions\": {\"eu-west-1\": {\"m5.large\": \"cheap\"}}}";
        assertThatThrownBy(() -> PriceFileReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "prices.json")).hasMessage("prices.json: regions.eu-west-1.m5.large must be an hourly price of 0 or "
                + "more, not \"cheap\"");
    }

    private static List<OperationRecord> records(List<String> history) {
        List<OperationRecord> records = new ArrayList<>();
        for (String entry : history) {
            boolean failed = entry.endsWith("!");
            String[] parts = entry.replace("!", "").split("@");
            Action action = Action.valueOf(parts[0]);
            Instant at = MONDAY.plus(Duration.ofHours(Long.parseLong(parts[1])));
            records.add(new OperationRecord("office-hours", at, WEB, action,
                    action == Action.SLEEP ? AWAKE : ASLEEP, action == Action.SLEEP ? ASLEEP : AWAKE,
                    failed ? OperationStatus.FAILED : OperationStatus.SUCCEEDED, 1, null, "", Duration.ZERO, null,
                    null, at, at, at.plus(Duration.ofDays(90))));
        }
        return records;
    }
}
