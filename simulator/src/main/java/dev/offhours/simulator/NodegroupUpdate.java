package dev.offhours.simulator;

import java.time.Instant;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** One UpdateNodegroupConfig update; guarded by its {@link RegionState}'s lock. */
final class NodegroupUpdate {
    final String id;
    final Instant createdAt;
    final long dueNanos;
    final Capacity requested;
    UpdateStatus status = UpdateStatus.IN_PROGRESS;

    NodegroupUpdate(String id, Instant createdAt, long dueNanos, Capacity requested) {
        this.id = id;
        this.createdAt = createdAt;
        this.dueNanos = dueNanos;
        this.requested = requested;
    }

    boolean inProgress() {
        return status == UpdateStatus.IN_PROGRESS;
    }
}
