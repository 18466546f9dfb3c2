package dev.offhours.worker.signals;

import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An operation store that tells {@code onFailed} about every FAILED record it wrote: the source of the
 * {@code OperationsFailed} metric, in the service's worker pool and in the Lambda worker alike. A write the store
 * refused (a redelivered item whose record is already final) is not counted again.
 */
public final class FailedOperationsCounter implements OperationStore {

    private final OperationStore delegate;
    private final Consumer<OperationRecord> onFailed;

    public FailedOperationsCounter(OperationStore delegate, Consumer<OperationRecord> onFailed) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.onFailed = Objects.requireNonNull(onFailed, "onFailed");
    }

    @Override
    public Optional<OperationRecord> find(OperationRecord.Key key) {
        return delegate.find(key);
    }

    @Override
    public boolean save(OperationRecord record) {
        boolean written = delegate.save(record);
        if (written && record.status() == OperationStatus.FAILED) {
            onFailed.accept(record);
        }
        return written;
    }

    @Override
    public List<OperationRecord> byTarget(String targetKey, int limit) {
        return delegate.byTarget(targetKey, limit);
    }
}
