package dev.offhours.api;

/** One reconciler condition: type Ready/Reconciling/Stalled, status True/False/Unknown, CamelCase reason. */
public record ConditionView(String type, String status, String reason, String message, String lastTransitionTime) {
}
