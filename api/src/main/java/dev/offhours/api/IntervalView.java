package dev.offhours.api;

/** A stretch of time in one state, UTC and local (ISO-8601 with offset) bounds, end exclusive. */
public record IntervalView(String state, String from, String to, String fromLocal, String toLocal) {
}
