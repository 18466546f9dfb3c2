package dev.offhours.api;

/**
 * What happened to one target at one transition.
 *
 * @param id     opaque identifier for {@code GET /v1/operations/{id}}
 * @param action what the worker was asked to do (e.g. SLEEP, WAKE)
 * @param status IN_PROGRESS, SUCCEEDED, SKIPPED or FAILED
 */
public record OperationView(String id, String schedule, String transition, String targetKey, String action,
                            String status, CapacityView before, CapacityView after, int attempts, String errorCode,
                            String message, long durationMillis, String traceId, String createdAt, String updatedAt) {
}
