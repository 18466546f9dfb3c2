package dev.offhours.worker.resilience;

/** The AWS APIs the worker calls; each has its own rate limits in AWS and its own pipeline here. */
public enum ApiFamily {
    AUTOSCALING,
    EKS,
    STS
}
