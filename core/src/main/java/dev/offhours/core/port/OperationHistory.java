package dev.offhours.core.port;

import java.time.Instant;

/**
 * Read side of the operation records for the API and the dashboard: newest first, paged with opaque cursors, each
 * page read through an index (never a scan) with no item read that the page does not need.
 */
public interface OperationHistory {

    int MAX_PAGE = 1000;

    /** Records created in {@code [from, to)}, newest first (the {@code recent} index). */
    Page<OperationRecord> latest(Instant from, Instant to, String cursor, int limit);

    /** FAILED records created in {@code [from, to)}, newest first (the sparse {@code failures} index). */
    Page<OperationRecord> failures(Instant from, Instant to, String cursor, int limit);

    /** Records of one target, newest first (the {@code byTarget} index). */
    Page<OperationRecord> byTarget(String targetKey, String cursor, int limit);

    /** Records of one transition of one schedule, ordered by target key (the table's partition). */
    Page<OperationRecord> byTransition(String schedule, Instant transition, String cursor, int limit);

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE + ", but was " + limit);
        }
    }

    static void checkWindow(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("time window needs from before to, but was [" + from + ", " + to + ")");
        }
    }
}
