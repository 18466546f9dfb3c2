package dev.offhours.simulator;

import dev.offhours.core.quota.LaunchShape;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** One Auto Scaling group; guarded by its {@link RegionState}'s lock. */
final class AsgState {
    final String name;
    final String arn;
    final Instant createdTime;
    final TreeMap<String, String> tags = new TreeMap<>();
    int min;
    int desired;
    int max;
    /** What it launches: a mixed instances policy's overrides and On-Demand split (AWS's default: all On-Demand). */
    LaunchShape launch = LaunchShape.onDemand(List.of(InstanceTypes.DEFAULT));

    AsgState(String name, String arn, Instant createdTime, Capacity capacity) {
        this.name = name;
        this.arn = arn;
        this.createdTime = createdTime;
        setCapacity(capacity);
    }

    Capacity capacity() {
        return new Capacity(min, desired, max);
    }

    void setCapacity(Capacity capacity) {
        this.min = capacity.min();
        this.desired = capacity.desired();
        this.max = capacity.max();
    }
}
