package dev.offhours.core.port;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to one target at one transition (one record per target per transition).
 *
 * @param before    capacity found before acting, null when it could not be read
 * @param after     capacity left behind, null when unknown
 * @param attempts  deliveries of the work item so far
 * @param errorCode CamelCase or AWS error code, null unless FAILED (or IN_PROGRESS waiting)
 * @param updateId  EKS update id of an asynchronous change, else null
 * @param expiresAt when the store may forget the record (DynamoDB TTL)
 */
public record OperationRecord(
        String schedule,
        Instant transition,
        String targetKey,
        Action action,
        Capacity before,
        Capacity after,
        OperationStatus status,
        int attempts,
        String errorCode,
        String message,
        Duration duration,
        String traceId,
        String updateId,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt) {

    public OperationRecord {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(targetKey, "targetKey");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        duration = duration == null ? Duration.ZERO : duration;
        message = message == null ? "" : message;
    }

    /** Identity of a record: its schedule, transition and target. */
    public record Key(String schedule, Instant transition, String targetKey) {
    }

    public Key key() {
        return new Key(schedule, transition, targetKey);
    }
}
