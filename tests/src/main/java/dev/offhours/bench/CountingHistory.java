package dev.offhours.bench;

import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.Page;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/** Counts the operation records the store hands to the API, to compare with what the API returns. */
final class CountingHistory implements OperationHistory {

    private final OperationHistory delegate;
    private final LongAdder read = new LongAdder();

    CountingHistory(OperationHistory delegate) {
        this.delegate = delegate;
    }

    long read() {
        return read.sum();
    }

    void reset() {
        read.reset();
    }

    private Page<OperationRecord> count(Page<OperationRecord> page) {
        read.add(page.items().size());
        return page;
    }

    @Override
    public Page<OperationRecord> latest(Instant from, Instant to, String cursor, int limit) {
        return count(delegate.latest(from, to, cursor, limit));
    }

    @Override
    public Page<OperationRecord> failures(Instant from, Instant to, String cursor, int limit) {
        return count(delegate.failures(from, to, cursor, limit));
    }

    @Override
    public Page<OperationRecord> byTarget(String targetKey, String cursor, int limit) {
        return count(delegate.byTarget(targetKey, cursor, limit));
    }

    @Override
    public Page<OperationRecord> byTransition(String schedule, Instant transition, String cursor, int limit) {
        return count(delegate.byTransition(schedule, transition, cursor, limit));
    }
}
