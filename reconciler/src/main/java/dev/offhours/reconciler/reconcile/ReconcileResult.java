package dev.offhours.reconciler.reconcile;

import dev.offhours.core.source.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile run did (java-operator-sdk style: the caller and the tests read the outcome, not logs).
 *
 * @param revision the revision this run looked at ({@code main@sha1:<hash>}), empty when the fetch failed
 * @param running  the revision whose schedules run after this run, empty when none does yet
 * @param changes  registry calls made; {@link CatalogDiff#NONE} unless applied
 * @param problems validation errors of a refused revision
 * @param message  one sentence for logs and the status
 */
public record ReconcileResult(Outcome outcome, Optional<String> revision, Optional<String> running,
                              CatalogDiff changes, List<Problem> problems, String message) {

    public ReconcileResult {
        problems = List.copyOf(problems);
    }

    /** The kinds of run. */
    public enum Outcome {
        /** A new valid revision now runs. */
        APPLIED,
        /** The fetch found the commit already handled: nothing read, nothing parsed. */
        UNCHANGED,
        /** The new revision is invalid; the last good one keeps running. */
        REFUSED,
        /** The repository could not be fetched or read; the last good revision keeps running. */
        FETCH_FAILED,
        /** The revision is valid but the registry failed; the next run tries again. */
        APPLY_FAILED
    }
}
