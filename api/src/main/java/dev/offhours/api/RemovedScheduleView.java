package dev.offhours.api;

/** A schedule no longer in the applied revision whose targets are still being handed back awake. */
public record RemovedScheduleView(String schedule, ConvergenceView convergence) {
}
