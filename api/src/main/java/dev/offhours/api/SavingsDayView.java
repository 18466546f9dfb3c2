package dev.offhours.api;

/** One UTC day of a savings period. */
public record SavingsDayView(String date, double instanceHours, double estimatedCost) {
}
