package dev.offhours.reconciler.reconcile;

import dev.offhours.core.schedule.ScheduleCatalog;

/** The last good revision, whose schedules are registered now. */
public record RunningRevision(String label, String commitId, ScheduleCatalog catalog) {
}
