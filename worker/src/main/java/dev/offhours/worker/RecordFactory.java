package dev.offhours.worker;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.WorkItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Builds operation records with consistent times, retention and trace id. */
final class RecordFactory {

    private final Clock clock;
    private final Duration retention;

    RecordFactory(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    OperationRecord build(WorkItem item, Optional<OperationRecord> existing, int attempts, Instant started,
                          OperationStatus status, Capacity before, Capacity after, String errorCode, String message,
                          String updateId) {
        Instant now = clock.instant();
        Instant createdAt = existing.map(OperationRecord::createdAt).orElse(started);
        if (item.notice() != null) {
            // the hub's word on the wave (a quota warning) stays with every record of the item
            message = message == null || message.isBlank() ? item.notice() : message + "; " + item.notice();
        }
        return new OperationRecord(item.schedule(), item.transition(), item.target().key(), item.action(), before, after,
                status, attempts, errorCode, message, Duration.between(started, now), traceId(item.traceparent()),
                updateId, createdAt, now, now.plus(retention));
    }

    /** The trace id of a W3C traceparent {@code 00-<trace id>-<span id>-<flags>}, or null. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }
}
