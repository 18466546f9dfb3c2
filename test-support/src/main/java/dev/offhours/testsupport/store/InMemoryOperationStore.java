package dev.offhours.testsupport.store;

import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link OperationStore} in memory with the same conditional semantics as the DynamoDB one (tests, benchmarks). */
public final class InMemoryOperationStore implements OperationStore {

    private final ConcurrentMap<OperationRecord.Key, OperationRecord> records = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    @Override
    public Optional<OperationRecord> find(OperationRecord.Key key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public boolean save(OperationRecord record) {
        boolean[] written = {false};
        records.compute(record.key(), (key, existing) -> {
            if (existing == null || existing.status().mayBecome(record.status())) {
                written[0] = true;
                return record;
            }
            return existing;
        });
        if (written[0]) {
            writes.incrementAndGet();
        }
        return written[0];
    }

    @Override
    public List<OperationRecord> byTarget(String targetKey, int limit) {
        return records.values().stream()
                .filter(r -> r.targetKey().equals(targetKey))
                .sorted(Comparator.comparing(OperationRecord::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    /** Every record, in no particular order. */
    public List<OperationRecord> all() {
        return List.copyOf(records.values());
    }

    /** Successful writes so far (for the benchmark's records-written-per-target figure). */
    public long writes() {
        return writes.get();
    }
}
