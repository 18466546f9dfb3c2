package dev.offhours.reconciler.quota;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.offhours.core.quota.OnBreach;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The {@code quota:} section: the vCPU quota pre-flight before each wake wave. On by default, warning only: a wave
 * that would breach a quota is sent whole and says so. It reads EC2, Service Quotas and CloudWatch in every spoke
 * account and region a wave touches; where the spoke role does not allow that (a role deployed before the spoke stack
 * granted the reads), those quotas read as unknown and the wave is sent unchecked.
 */
public class QuotaConfig {

    /** Whether each wake wave is checked against the spoke accounts' EC2 vCPU quotas before it is sent. */
    @JsonProperty
    private boolean preflight = true;

    /** {@code warn}: send the whole wave and say so; {@code wakeInPriorityOrder}: wake up to the quota, fail the rest. */
    @NotNull
    @Pattern(regexp = "warn|wakeInPriorityOrder", message = "must be warn or wakeInPriorityOrder")
    @JsonProperty
    private String onBreach = "warn";

    public boolean preflight() {
        return preflight;
    }

    public OnBreach onBreach() {
        return "wakeInPriorityOrder".equals(onBreach) ? OnBreach.WAKE_IN_PRIORITY_ORDER : OnBreach.WARN;
    }

    public QuotaConfig preflight(boolean value, OnBreach breach) {
        this.preflight = value;
        this.onBreach = breach == OnBreach.WAKE_IN_PRIORITY_ORDER ? "wakeInPriorityOrder" : "warn";
        return this;
    }
}
