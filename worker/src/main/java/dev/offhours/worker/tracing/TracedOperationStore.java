package dev.offhours.worker.tracing;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An operation store that writes each record it saved onto the current span (the worker's span of that target):
 * the outcome, the capacity before and after, and for a failure the AWS error code and message as the span's
 * error status and an {@value SpanNames#OPERATION_FAILED} event. The worker itself stays unaware of tracing.
 */
final class TracedOperationStore implements OperationStore {

    private final OperationStore delegate;

    TracedOperationStore(OperationStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<OperationRecord> find(OperationRecord.Key key) {
        return delegate.find(key);
    }

    @Override
    public boolean save(OperationRecord record) {
        boolean written = delegate.save(record);
        Span span = Span.current();
        if (written && span.isRecording()) {
            describe(span, record);
        }
        return written;
    }

    @Override
    public List<OperationRecord> byTarget(String targetKey, int limit) {
        return delegate.byTarget(targetKey, limit);
    }

    static void describe(Span span, OperationRecord record) {
        span.setAttribute(SpanNames.OUTCOME, record.status().name());
        if (record.before() != null) {
            span.setAttribute(SpanNames.CAPACITY_BEFORE, text(record.before()));
        }
        if (record.after() != null) {
            span.setAttribute(SpanNames.CAPACITY_AFTER, text(record.after()));
        }
        if (record.status() != OperationStatus.FAILED) {
            return;
        }
        String code = record.errorCode() == null ? "Failed" : record.errorCode();
        String message = record.message() == null ? "" : record.message();
        span.setAttribute(SpanNames.ERROR_CODE, code);
        span.setAttribute(SpanNames.ERROR_TYPE, code);
        span.setAttribute(SpanNames.ERROR_MESSAGE, message);
        span.addEvent(SpanNames.OPERATION_FAILED, Attributes.of(SpanNames.ERROR_CODE, code,
                SpanNames.ERROR_MESSAGE, message));
        span.setStatus(StatusCode.ERROR, code + ": " + message);
    }

    private static String text(Capacity capacity) {
        return capacity.min() + "/" + capacity.desired() + "/" + capacity.max();
    }
}
