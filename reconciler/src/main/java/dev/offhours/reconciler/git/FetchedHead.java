package dev.offhours.reconciler.git;

import java.time.Instant;

/** The tip of the tracked branch after a fetch. */
public record FetchedHead(String branch, String commitId, Instant fetchedAt) {

    /** {@code main@sha1:<hash>}. */
    public String label() {
        return label(branch, commitId);
    }

    public static String label(String branch, String commitId) {
        return branch + "@sha1:" + commitId;
    }
}
