package dev.offhours.simulator;

import java.time.Instant;
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
