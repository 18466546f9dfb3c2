package dev.offhours.core.port;

/** Health of one onboarded account and region as discovery and events see it. */
public enum HealthStatus {
    OK,
    DEGRADED
}
