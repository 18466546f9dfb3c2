package dev.offhours.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the reconciler runs and why (the control table's status item, shared by every replica and the API).
 *
 * @param appliedRevision     last good revision being run, e.g. {@code main@sha1:<hash>}; null before the first
 * @param lastFetchedRevision revision seen by the last fetch; null before the first
 * @param lastFetchedAt       time of the last fetch; null before the first
 * @param problems            validation errors ({@code file:line: sentence}) of the refused revision, else empty
 * @param updatedAt           when this status was written; a status older than the stored one is ignored
 */
public record ReconcilerStatus(String appliedRevision, String lastFetchedRevision, Instant lastFetchedAt,
                               List<Condition> conditions, List<String> problems, Instant updatedAt) {

    public ReconcilerStatus {
        conditions = List.copyOf(conditions == null ? List.of() : conditions);
        problems = List.copyOf(problems == null ? List.of() : problems);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
