package dev.offhours.api;

/**
 * @param key           a schedule, an account or a team; {@code total} for the fleet
 * @param targets       targets that spent time asleep
 * @param hoursAsleep   hours asleep, summed over targets
 * @param instanceHours instances avoided times hours asleep
 * @param estimatedCost instance-hours times the on-demand price of the assumed instance type
 */
public record SavingsLineView(String key, int targets, double hoursAsleep, double instanceHours,
                              double estimatedCost) {
}
