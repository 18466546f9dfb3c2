package dev.offhours.worker.tracing;

import dev.offhours.core.work.MalformedWorkItemException;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.worker.Outcome;
import dev.offhours.worker.ReceivedMessage;
import dev.offhours.worker.WorkItemHandler;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import dev.offhours.worker.resilience.Futures;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The worker's span of one work item, continued from the item's {@code traceparent} (the hub's dispatch span), so
 * that a transition's targets sit in the transition's one trace. The span is current while the worker runs: the
 * AWS calls it makes ({@link AwsCallSpans}) become its children, and the records it saves
 * ({@link TracedOperationStore}) give it its outcome and, on failure, the error.
 */
public final class TracedWorkItemHandler implements WorkItemHandler {

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final WorkItemHandler delegate;
    private final Tracer tracer;
    private final WorkItemCodec codec = new WorkItemCodec();

    public TracedWorkItemHandler(WorkItemHandler delegate, Tracing tracing) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.tracer = tracing.tracer();
    }

    @Override
    public Outcome handle(ReceivedMessage message) {
        return Futures.join(handleAsync(message));
    }

    @Override
    public boolean blocking() {
        return delegate.blocking();
    }

    /**
     * The span is current while the worker starts the item; the worker carries it to every AWS and store call the
     * item makes on other threads, and the span ends when the item's outcome is known.
     */
    @Override
    public CompletableFuture<Outcome> handleAsync(ReceivedMessage message) {
        WorkItem item = decode(message.body());
        Span span = start(item, message);
        CompletableFuture<Outcome> outcome;
        try (Scope ignored = span.makeCurrent()) {
            outcome = Futures.start(() -> delegate.handleAsync(message));
        }
        return outcome.whenComplete((done, failure) -> {
            if (failure != null) {
                Throwable cause = Futures.unwrap(failure);
                span.recordException(cause);
                span.setStatus(StatusCode.ERROR, String.valueOf(cause.getMessage()));
            } else {
                describe(span, done);
            }
            span.end();
        });
    }

    private Span start(WorkItem item, ReceivedMessage message) {
        SpanBuilder builder = tracer.spanBuilder(SpanNames.WORK).setSpanKind(SpanKind.CONSUMER)
                .setParent(parent(item)).setAttribute(SpanNames.MESSAGE_ID, message.messageId());
        if (item != null) {
            builder.setAttribute(SpanNames.SCHEDULE, item.schedule())
                    .setAttribute(SpanNames.TRANSITION, item.transition().toString())
                    .setAttribute(SpanNames.ACTION, item.action().name())
                    .setAttribute(SpanNames.TARGET, item.target().key())
                    .setAttribute(SpanNames.ACCOUNT, item.target().account())
                    .setAttribute(SpanNames.REGION, item.target().region())
                    .setAttribute(SpanNames.CAPACITY_PERCENT, (long) item.capacityPercent())
                    .setAttribute(SpanNames.ATTEMPT, (long) item.attempt());
        }
        return builder.startSpan();
    }

    /** The hub's dispatch span from the item's W3C trace context; a new trace when it has none. */
    private static Context parent(WorkItem item) {
        if (item == null || item.traceparent() == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TRACEPARENT, item.traceparent()), GETTER);
    }

    /** A record already put the final outcome on the span; waiting and rejection are told here. */
    private static void describe(Span span, Outcome outcome) {
        if (outcome instanceof Outcome.RetryLater retry) {
            span.setAttribute(SpanNames.OUTCOME, "RETRY_LATER");
            span.setAttribute(SpanNames.REASON, retry.reason());
        } else if (outcome instanceof Outcome.Reject reject) {
            span.setAttribute(SpanNames.OUTCOME, "REJECTED");
            span.setAttribute(SpanNames.REASON, reject.reason());
            span.setStatus(StatusCode.ERROR, "rejected: " + reject.reason());
        }
    }

    private WorkItem decode(String body) {
        try {
            return codec.decode(body);
        } catch (MalformedWorkItemException e) {
            return null;
        }
    }
}
