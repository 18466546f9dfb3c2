package dev.offhours.core.schedule;

/**
 * Capacity while asleep. For an ASG max becomes {@code desired}; for an EKS node group max becomes
 * {@code max(1, desired)} because EKS rejects a maxSize below 1.
 */
public record AsleepCapacity(int min, int desired) {
    public static final AsleepCapacity ZERO = new AsleepCapacity(0, 0);
}
