package dev.offhours.bench;

import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Counts record writes and remembers when (real time) the last one landed. */
final class CountingOperationStore implements OperationStore {

    private static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException",
            "TooManyRequestsException", "RequestLimitExceeded");

    private final OperationStore delegate;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong lastWriteNanos = new AtomicLong();
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> finalWriteNanos = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicLong finalWrites = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedByThrottling = new AtomicLong();

    CountingOperationStore(OperationStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<OperationRecord> find(OperationRecord.Key key) {
        return delegate.find(key);
    }

    @Override
    public boolean save(OperationRecord record) {
        boolean written = delegate.save(record);
        if (written) {
            writes.incrementAndGet();
            if (record.status().isFinal()) {
                finalWrites.incrementAndGet();
                finalWriteNanos.add(System.nanoTime());
            }
            if (record.status() == OperationStatus.FAILED) {
                failed.incrementAndGet();
                if (THROTTLING_CODES.contains(record.errorCode())
                        || record.message().contains("Request limit exceeded")) {
                    failedByThrottling.incrementAndGet();
                }
            }
            lastWriteNanos.accumulateAndGet(System.nanoTime(), Math::max);
        }
        return written;
    }

    @Override
    public List<OperationRecord> byTarget(String targetKey, int limit) {
        return delegate.byTarget(targetKey, limit);
    }

    long writes() {
        return writes.get();
    }

    long finalWrites() {
        return finalWrites.get();
    }

    long failed() {
        return failed.get();
    }

    long failedByThrottling() {
        return failedByThrottling.get();
    }

    /** Real times (System.nanoTime) when final records landed, in no particular order. */
    List<Long> finalWriteTimes() {
        return List.copyOf(finalWriteNanos);
    }

    long lastWriteNanos() {
        return lastWriteNanos.get();
    }

    void resetCounters() {
        writes.set(0);
        finalWrites.set(0);
        failed.set(0);
        failedByThrottling.set(0);
        lastWriteNanos.set(0);
        finalWriteNanos.clear();
    }
}
