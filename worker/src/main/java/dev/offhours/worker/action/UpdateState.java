package dev.offhours.worker.action;

/** State of an asynchronous capacity change (EKS DescribeUpdate). */
public enum UpdateState {
    SUCCESSFUL,
    IN_PROGRESS,
    FAILED
}
