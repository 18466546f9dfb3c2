package dev.offhours.simulator;

/** Whose STS token bucket an AssumeRole call drains. */
public enum StsBucketScope {
    /** The calling account's (AWS's behaviour: STS request quotas belong to the caller, here the hub). */
    CALLER_ACCOUNT,
    /** The account that owns the role being assumed (one bucket per spoke account). */
    ROLE_ACCOUNT
}
