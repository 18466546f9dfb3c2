package dev.offhours.reconciler.events;

import dev.offhours.worker.tracing.SpanNames;
import dev.offhours.worker.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Objects;

/**
 * The event updater's spans: {@value SpanNames#EVENT} when a spoke event is taken from the queue (what it was and
 * what became of it), then per resource {@value SpanNames#EVENT_APPLIED} (the inventory updated from what the
 * events carry) or {@value SpanNames#EVENT_READ} (the resource read from the spoke first), a child of the first
 * event of its window and linked to the others. Nothing is made when tracing is off.
 */
final class EventSpans {

    static final EventSpans OFF = new EventSpans(Tracing.OFF);

    static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("offhours.event.id");
    static final AttributeKey<String> EVENT_ACTION = AttributeKey.stringKey("offhours.event.action");
    static final AttributeKey<String> ACTOR = AttributeKey.stringKey("offhours.event.actor");
    static final AttributeKey<Boolean> SELF_INFLICTED = AttributeKey.booleanKey("offhours.event.self_inflicted");
    static final AttributeKey<Long> RESOURCES = AttributeKey.longKey("offhours.event.resources");
    static final AttributeKey<Long> EVENTS = AttributeKey.longKey("offhours.events");
    static final AttributeKey<List<String>> RESULTS = AttributeKey.stringArrayKey("offhours.event.results");

    private final Tracing tracing;

    EventSpans(Tracing tracing) {
        this.tracing = Objects.requireNonNull(tracing, "tracing");
    }

    /** An event taken from the queue; null when tracing is off. The caller ends it. */
    Span received(SpokeEvent event) {
        if (!tracing.enabled()) {
            return null;
        }
        return tracing.tracer().spanBuilder(SpanNames.EVENT).setSpanKind(SpanKind.CONSUMER)
                .setParent(Context.root())
                .setAttribute(EVENT_ID, event.id())
                .setAttribute(EVENT_ACTION, event.action())
                .setAttribute(SpanNames.ACCOUNT, event.account())
                .setAttribute(SpanNames.REGION, event.region())
                .setAttribute(ACTOR, String.valueOf(event.actor()))
                .setAttribute(SELF_INFLICTED, event.selfInflicted())
                .setAttribute(RESOURCES, (long) event.changes().size())
                .startSpan();
    }

    /** A message that never became an event (unparseable); null when tracing is off. The caller ends it. */
    Span unreadable() {
        return tracing.enabled() ? tracing.tracer().spanBuilder(SpanNames.EVENT).setSpanKind(SpanKind.CONSUMER)
                .setParent(Context.root()).startSpan() : null;
    }

    static void end(Span span, String outcome, boolean failed) {
        if (span == null) {
            return;
        }
        span.setAttribute(SpanNames.OUTCOME, outcome);
        if (failed) {
            span.setStatus(StatusCode.ERROR, outcome);
        }
        span.end();
    }

    /** A window's refresh, named {@value SpanNames#EVENT_APPLIED} until it reads the spoke; null when off. */
    Span refresh(PendingRefreshes.Due window) {
        if (!tracing.enabled()) {
            return null;
        }
        SpanBuilder builder = tracing.tracer().spanBuilder(SpanNames.EVENT_APPLIED)
                .setAttribute(SpanNames.TARGET, window.ref().describe())
                .setAttribute(SpanNames.ACCOUNT, window.ref().account())
                .setAttribute(SpanNames.REGION, window.ref().region())
                .setAttribute(EVENTS, (long) window.changes().size());
        Context parent = Context.root();
        for (HeldMessage message : window.messages()) {
            SpanContext received = message.received();
            if (!received.isValid()) {
                continue;
            }
            if (parent == Context.root()) {
                parent = Context.root().with(Span.wrap(received));
            } else {
                builder.addLink(received);
            }
        }
        return builder.setParent(parent).startSpan();
    }

    static void refreshed(Span span, List<ResourceRefresher.Outcome> outcomes) {
        if (span == null) {
            return;
        }
        if (outcomes.stream().anyMatch(ResourceRefresher.Outcome::spokeRead)) {
            span.updateName(SpanNames.EVENT_READ);
        }
        span.setAttribute(RESULTS, outcomes.stream().map(o -> o.result().name()).toList());
        span.setAttribute(SpanNames.OUTCOME, outcomes.isEmpty() ? "NONE" : outcomes.get(outcomes.size() - 1)
                .result().name());
    }

    static void end(Span span) {
        if (span != null) {
            span.end();
        }
    }

    static void failed(Span span, RuntimeException e) {
        if (span != null) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
        }
    }
}
