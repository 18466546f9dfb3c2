package dev.offhours.aws;

/**
 * What a failed AWS call means for whoever made it, spoke calls and store calls alike: wait and try again, or stop
 * and say what someone has to fix. {@link AwsErrors#classify(Throwable)} is the one place that decides.
 */
public enum AwsFailure {
    /** AWS asks the caller to slow down: retry after a backoff. */
    THROTTLED(true),
    /** A 5xx or a network problem: retry. */
    TRANSIENT(true),
    /** The credentials may not do this: nothing changes until someone fixes IAM or a trust policy. */
    ACCESS_DENIED(false),
    /** The request can never succeed as it is: a missing table or resource, a validation error, another 4xx. */
    INVALID(false);

    private final boolean retry;

    AwsFailure(boolean retry) {
        this.retry = retry;
    }

    /** True when another attempt may succeed without anyone changing anything. */
    public boolean retries() {
        return retry;
    }
}
