package dev.offhours.simulator;

/** The AWS API families the simulator serves; each has its own token bucket, latency and error vocabulary. */
public enum ApiFamily {
    AUTOSCALING("autoscaling"),
    EKS("eks"),
    STS("sts");

    private final String wireName;

    ApiFamily(String wireName) {
        this.wireName = wireName;
    }

    /** The service's endpoint prefix, used in metric keys such as {@code autoscaling:DescribeAutoScalingGroups}. */
    public String wireName() {
        return wireName;
    }
}
