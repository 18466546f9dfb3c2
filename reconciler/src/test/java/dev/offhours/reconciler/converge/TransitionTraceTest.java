package dev.offhours.reconciler.converge;

import static dev.offhours.reconciler.converge.SimulatedHub.SCHEDULE;
import static dev.offhours.reconciler.converge.SimulatedHub.accounts;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.reconciler.dispatch.Traceparent;
import dev.offhours.reconciler.notify.TransitionEvents;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.worker.tracing.SpanNames;
import dev.offhours.worker.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What an operator sees in a tracing backend when one target of a transition fails: one trace, the transition's,
 * whose id the operation records carry; under it the hub's dispatch span with its SQS calls, a worker span per
 * target, and on the failing target's span the AWS error code and message. Real parts: the embedded store,
 * ElasticMQ through the AWS SDK, the real worker on the fleet simulator; the SDK's in-memory exporter.
 */
@ExtendWith(ElasticMqExtension.class)
class TransitionTraceTest {

    /** 19:00 in Paris on a Monday in March: the office schedule's sleep. */
    private static final Instant MONDAY_SLEEP = Instant.parse("2026-03-02T18:00:00Z");
    private static final Schedule OFFICE = office(SCHEDULE, Scope.EVERYWHERE);
    private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");

    private final SqsClient sqs;
    private final String queueUrl;
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
    private final Tracing tracing = Tracing.of(sdk);
    @TempDir
    Path dir;
    private SimulatedHub hub;

    TransitionTraceTest(EmbeddedElasticMq mq, SqsClient sqs) {
        this.sqs = sqs;
        this.queueUrl = mq.createQueue("trace-" + System.nanoTime(), Map.of());
    }

    @AfterEach
    void close() {
        tracing.close();
        sdk.close();
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aSleepWithOneFailingTargetIsOneTraceThatShowsWhereAndWhyItFailed() {
        Tracing.install(tracing); // the SDK clients of this JVM (the ElasticMQ queue's) report their calls
        hub = new SimulatedHub(dir, sqs, queueUrl, MONDAY_SLEEP.plusSeconds(1), 2, 1, tracing);
        String denied = SimulatedHub.account(1);
        hub.fleet.denyAssumeRole(denied);
        SimulatedHub.Replica replica = hub.replica("hub-a",
                new TransitionEvents((type, detail) -> true, hub.store.operations(), hub.clock),
                new TransitionSpans(tracing)).apply(accounts(2), OFFICE).run();
        assertThat(hub.work()).isEqualTo(2);
        replica.run(); // counts the records: the transition finished, and is announced

        List<SpanData> spans = exporter.getFinishedSpanItems();
        System.out.println(tree(spans));
        String traceId = Traceparent.traceId(SCHEDULE, MONDAY_SLEEP);
        assertThat(spans).as("one trace: the transition's").extracting(SpanData::getTraceId).containsOnly(traceId);
        List<OperationRecord> records = hub.targets().stream().map(t -> hub.store.operations()
                .find(new OperationRecord.Key(SCHEDULE, MONDAY_SLEEP, SimulatedHub.core(t).key())).orElseThrow())
                .toList();
        assertThat(records).extracting(OperationRecord::traceId).as("the records find the trace")
                .containsOnly(traceId);

        SpanData dispatch = only(spans, SpanNames.DISPATCH);
        assertThat(dispatch.getParentSpanId()).isEqualTo(Traceparent.rootSpanId(SCHEDULE, MONDAY_SLEEP));
        assertThat(dispatch.getAttributes().get(SpanNames.DESIRED_STATE)).isEqualTo("ASLEEP");
        assertThat(dispatch.getAttributes().get(TransitionSpans.SENT)).isEqualTo(2L);
        assertThat(spans).as("the queue's calls hang under the dispatch").anySatisfy(call -> {
            assertThat(call.getParentSpanId()).isEqualTo(dispatch.getSpanId());
            assertThat(call.getAttributes().get(RPC_SERVICE)).isEqualTo("Sqs");
        });

        List<SpanData> work = spans.stream().filter(s -> s.getName().equals(SpanNames.WORK)).toList();
        assertThat(work).hasSize(2).allSatisfy(span -> {
            assertThat(span.getParentSpanId()).isEqualTo(dispatch.getSpanId());
            assertThat(span.getAttributes().get(SpanNames.SCHEDULE)).isEqualTo(SCHEDULE);
            assertThat(span.getAttributes().get(SpanNames.ACTION)).isEqualTo("SLEEP");
            assertThat(span.getAttributes().get(SpanNames.REGION)).isEqualTo(SimulatedHub.REGION);
        });
        SpanData failed = work.stream().filter(s -> denied.equals(s.getAttributes().get(SpanNames.ACCOUNT)))
                .findFirst().orElseThrow();
        OperationRecord failedRecord = records.stream().filter(r -> r.status() == OperationStatus.FAILED)
                .findFirst().orElseThrow();
        assertThat(failed.getAttributes().get(SpanNames.TARGET)).isEqualTo(failedRecord.targetKey());
        assertThat(failed.getAttributes().get(SpanNames.OUTCOME)).isEqualTo("FAILED");
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getAttributes().get(SpanNames.ERROR_CODE)).isEqualTo(failedRecord.errorCode())
                .isEqualTo("AccessDenied");
        assertThat(failed.getEvents()).anySatisfy(event -> {
            assertThat(event.getName()).isEqualTo(SpanNames.OPERATION_FAILED);
            assertThat(event.getAttributes().get(SpanNames.ERROR_MESSAGE)).isEqualTo(failedRecord.message());
        });
        SpanData succeeded = work.stream().filter(s -> s != failed).findFirst().orElseThrow();
        assertThat(succeeded.getAttributes().get(SpanNames.OUTCOME)).isEqualTo("SUCCEEDED");
        assertThat(succeeded.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

        SpanData announced = only(spans, SpanNames.ANNOUNCE);
        assertThat(announced.getParentSpanId()).isEqualTo(dispatch.getParentSpanId());
        assertThat(announced.getAttributes().get(TransitionSpans.FAILED)).isEqualTo(1L);
    }

    @Test
    void withTracingOffNothingIsRecordedAndTheRecordsStillCarryTheTransitionsTraceId() {
        hub = new SimulatedHub(dir, sqs, queueUrl, MONDAY_SLEEP.plusSeconds(1), 1, 2, Tracing.OFF);
        hub.replica("hub-a", TransitionAnnouncer.NONE, TransitionSpans.OFF).apply(accounts(1), OFFICE).run();
        assertThat(hub.work()).isEqualTo(2);

        assertThat(exporter.getFinishedSpanItems()).isEmpty();
        assertThat(hub.store.operations().byTarget(SimulatedHub.core(hub.targets().get(0)).key(), 10))
                .extracting(OperationRecord::traceId).containsOnly(Traceparent.traceId(SCHEDULE, MONDAY_SLEEP));
    }

    private static SpanData only(List<SpanData> spans, String name) {
        List<SpanData> named = spans.stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(named).as(name).hasSize(1);
        return named.get(0);
    }

    /** The trace as an indented tree, for the reader of the test's output. */
    static String tree(List<SpanData> spans) {
        Map<String, List<SpanData>> children = spans.stream().collect(Collectors.groupingBy(SpanData::getParentSpanId));
        StringBuilder out = new StringBuilder("trace " + spans.get(0).getTraceId() + "\n");
        children.keySet().stream().filter(parent -> spans.stream().noneMatch(s -> s.getSpanId().equals(parent)))
                .forEach(root -> print(root.equals(SpanId.getInvalid()) ? "(no parent)" : "(transition root " + root
                        + ", not recorded)", root, children, 0, out));
        return out.toString();
    }

    private static void print(String label, String spanId, Map<String, List<SpanData>> children, int depth,
                              StringBuilder out) {
        out.append("  ".repeat(depth)).append(label).append('\n');
        children.getOrDefault(spanId, List.of()).stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .forEach(child -> print(describe(child), child.getSpanId(), children, depth + 1, out));
    }

    private static String describe(SpanData span) {
        StringBuilder line = new StringBuilder(span.getName());
        span.getAttributes().forEach((key, value) -> {
            if (key.getKey().startsWith("offhours.") || key.getKey().startsWith("cloud.")
                    || key.getKey().startsWith("rpc.") || key.getKey().startsWith("aws.")) {
                line.append(' ').append(key.getKey()).append('=').append(value);
            }
        });
        if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
            line.append(" [ERROR ").append(span.getStatus().getDescription()).append(']');
        }
        span.getEvents().forEach(event -> line.append(" {event ").append(event.getName()).append(' ')
                .append(event.getAttributes().asMap()).append('}'));
        return line.toString();
    }
}
