package dev.offhours.api;

/**
 * A stretch of time in one state, UTC and local (ISO-8601 with offset) bounds, end exclusive; while awake, the share
 * of the saved awake capacity targets run at ({@code capacityPercent}: 100 for full, less in a reduced period; null
 * while asleep).
 */
public record IntervalView(String state, String from, String to, String fromLocal, String toLocal,
                           Integer capacityPercent) {
}
