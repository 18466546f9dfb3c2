package dev.offhours.core.savings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the fleet saved in {@code [from, to)}: per schedule, account and team, and per UTC day.
 *
 * @param priceDate           the date of the prices the cost estimate used
 * @param assumedInstanceType every instance is priced as this type
 */
public record SavingsReport(Instant from, Instant to, LocalDate priceDate, String currency,
                           String assumedInstanceType, Line total, List<Line> bySchedule, List<Line> byAccount,
                           List<Line> byTeam, List<Day> days) {

    /**
     * @param key            the schedule, account or team ({@code total} for the whole fleet)
     * @param targets        targets that spent time asleep
     * @param hoursAsleep    hours the targets spent asleep, summed over targets
     * @param instanceHours  instances avoided times hours asleep
     * @param estimatedCost  instance-hours times the hourly price; those without a price in the file count 0
     */
    public record Line(String key, int targets, double hoursAsleep, double instanceHours, double estimatedCost) {
    }

    public record Day(LocalDate date, double instanceHours, double estimatedCost) {
    }
}
