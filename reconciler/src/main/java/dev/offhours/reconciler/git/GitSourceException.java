package dev.offhours.reconciler.git;

/**
 * A fetch or read of the schedules repository failed. {@link #reason()} says what kind of failure it was and
 * {@link #retryable()} whether trying again without a change can help (Flux: a retryable failure is retried on the
 * next interval; a non-retryable one stalls until someone changes the configuration or the repository).
 * Messages never contain tokens or key material.
 */
public final class GitSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Kinds of failure, each with whether a retry may succeed. */
    public enum Reason {
        /** Host unreachable, timeout, TLS or protocol hiccup, server error. */
        NETWORK(true),
        /** Token or key refused, or the host key is not trusted. */
        AUTHENTICATION(false),
        /** The repository or the tracked branch does not exist (yet). */
        NOT_FOUND(true),
        /** The local clone cannot be created, opened or read. */
        LOCAL_STORAGE(true),
        /** The configuration cannot work (unknown URL scheme, unreadable key file). */
        CONFIGURATION(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;

    GitSourceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable;
    }
}
