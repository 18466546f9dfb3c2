package dev.offhours.api;

import java.util.Map;

/**
 * Result of the last dispatched transition of a schedule.
 *
 * @param dispatched work items sent, one per target
 * @param results    operation records by status (SUCCEEDED, FAILED, ...); only in the single-schedule view, else empty
 */
public record LastTransitionView(String at, String state, int dispatched, String dispatchedAt,
                                 Map<String, Long> results) {
}
