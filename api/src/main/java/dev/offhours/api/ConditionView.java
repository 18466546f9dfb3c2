package dev.offhours.api;

/**
 * One condition: type Ready/Reconciling/Stalled (the reconciler) or Converged (the fleet, a schedule), status
 * True/False/Unknown, CamelCase reason.
 *
 * @param lastTransitionTime since when it holds; null when nothing has happened yet (a schedule without intent)
 */
public record ConditionView(String type, String status, String reason, String message, String lastTransitionTime) {
}
