package dev.offhours.api;

import java.util.List;

/**
 * Savings in {@code [from, to)}: the whole fleet, per schedule, account and team, and per UTC day.
 *
 * @param priceDate           the date of the on-demand prices the estimate used
 * @param assumedInstanceType every instance is priced as this type (the inventory does not record instance types)
 * @param bySchedule          largest estimated cost first
 */
public record SavingsView(String period, String from, String to, String priceDate, String currency,
                          String assumedInstanceType, SavingsLineView total, List<SavingsLineView> bySchedule,
                          List<SavingsLineView> byAccount, List<SavingsLineView> byTeam, List<SavingsDayView> days) {
}
