package dev.offhours.core.quota;

/** How instances are bought; On-Demand and Spot vCPUs count against different quotas. */
public enum Purchase {
    ON_DEMAND,
    SPOT
}
