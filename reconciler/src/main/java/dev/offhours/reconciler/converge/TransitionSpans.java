package dev.offhours.reconciler.converge;

import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.reconciler.dispatch.SendReport;
import dev.offhours.reconciler.dispatch.Traceparent;
import dev.offhours.worker.tracing.SpanNames;
import dev.offhours.worker.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.Objects;

/**
 * The hub's spans of one transition. Each transition is one trace whose id comes from the schedule and the intent's
 * instant ({@link Traceparent#traceId}), so every pass of every replica, every worker span and every operation
 * record of the transition share it. Its root is named, not recorded: the dispatch spans of the passes that send
 * work items hang under a remote parent with that trace id, and the items carry the dispatch span as theirs.
 */
public final class TransitionSpans {

    public static final TransitionSpans OFF = new TransitionSpans(Tracing.OFF);

    static final AttributeKey<String> PASS = AttributeKey.stringKey("offhours.pass");
    static final AttributeKey<Long> TARGETS = AttributeKey.longKey("offhours.targets");
    static final AttributeKey<Long> CONVERGED = AttributeKey.longKey("offhours.targets.converged");
    static final AttributeKey<Long> PENDING = AttributeKey.longKey("offhours.targets.pending");
    static final AttributeKey<Long> FAILED = AttributeKey.longKey("offhours.targets.failed");
    static final AttributeKey<Long> DRIFTED = AttributeKey.longKey("offhours.targets.drifted");
    static final AttributeKey<Long> SENT = AttributeKey.longKey("offhours.items.sent");
    static final AttributeKey<Long> SEND_FAILED = AttributeKey.longKey("offhours.items.send_failed");
    /** Messages the items went in: fewer than the items, as each account's items travel in bundles. */
    static final AttributeKey<Long> MESSAGES_SENT = AttributeKey.longKey("offhours.messages.sent");

    private final Tracing tracing;

    public TransitionSpans(Tracing tracing) {
        this.tracing = Objects.requireNonNull(tracing, "tracing");
    }

    /** The transition's root as a remote parent (sampled: a ratio sampler decides on the trace id alone). */
    static Context root(ScheduleIntent intent) {
        SpanContext root = SpanContext.createFromRemoteParent(Traceparent.traceId(intent.schedule(), intent.since()),
                Traceparent.rootSpanId(intent.schedule(), intent.since()), TraceFlags.getSampled(),
                TraceState.getDefault());
        return Context.root().with(Span.wrap(root));
    }

    /** @param pass {@code first}, {@code resend} or {@code sweep} */
    Span startDispatch(ScheduleIntent intent, String pass) {
        return tracing.tracer().spanBuilder(SpanNames.DISPATCH).setSpanKind(SpanKind.PRODUCER)
                .setParent(root(intent))
                .setAttribute(SpanNames.SCHEDULE, intent.schedule())
                .setAttribute(SpanNames.TRANSITION, intent.since().toString())
                .setAttribute(SpanNames.DESIRED_STATE, intent.state().name())
                .setAttribute(SpanNames.CAPACITY_PERCENT, (long) intent.capacityPercent())
                .setAttribute(SpanNames.REASON, intent.reason())
                .setAttribute(PASS, pass)
                .startSpan();
    }

    /** What the work items sent under {@code dispatch} carry: that span as their parent, or without tracing a new span id. */
    String traceparent(Span dispatch, ScheduleIntent intent) {
        SpanContext context = dispatch.getSpanContext();
        if (!tracing.enabled() || !context.isValid()) {
            return Traceparent.forIntent(intent.schedule(), intent.since());
        }
        return Traceparent.of(context.getTraceId(), context.getSpanId(), context.isSampled());
    }

    static void endDispatch(Span dispatch, ScheduleIntent.Progress counts, int drifted, SendReport sent) {
        if (counts != null) {
            dispatch.setAttribute(TARGETS, counts.targets());
            dispatch.setAttribute(CONVERGED, counts.converged());
            dispatch.setAttribute(PENDING, counts.pending());
            dispatch.setAttribute(FAILED, counts.failed());
        }
        dispatch.setAttribute(DRIFTED, drifted);
        dispatch.setAttribute(SENT, sent.sent());
        dispatch.setAttribute(SEND_FAILED, sent.failed());
        dispatch.setAttribute(MESSAGES_SENT, sent.messages());
        if (sent.failed() > 0) {
            dispatch.setStatus(StatusCode.ERROR, sent.failed() + " work items not sent: " + sent.errors());
        }
        dispatch.end();
    }

    /** A short span when the hub announces the finished transition: its counts, under the transition's root. */
    void announced(ScheduleIntent intent, ScheduleIntent.Progress counts, boolean delivered) {
        if (!tracing.enabled()) {
            return;
        }
        Span span = tracing.tracer().spanBuilder(SpanNames.ANNOUNCE).setSpanKind(SpanKind.PRODUCER)
                .setParent(root(intent))
                .setAttribute(SpanNames.SCHEDULE, intent.schedule())
                .setAttribute(SpanNames.TRANSITION, intent.since().toString())
                .setAttribute(SpanNames.DESIRED_STATE, intent.state().name())
                .setAttribute(TARGETS, counts.targets())
                .setAttribute(CONVERGED, counts.converged())
                .setAttribute(FAILED, counts.failed())
                .startSpan();
        if (!delivered) {
            span.setStatus(StatusCode.ERROR, "the event was not delivered; the next count tries again");
        }
        span.end();
    }
}
