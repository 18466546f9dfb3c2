package dev.offhours.worker;

import static dev.offhours.worker.MotoFleet.NOW;
import static dev.offhours.worker.MotoFleet.item;
import static dev.offhours.worker.MotoFleet.optIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.worker.tracing.SpanNames;
import dev.offhours.worker.tracing.TracedWorkItemHandler;
import dev.offhours.worker.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worker's span of a target holds a span per AWS call it made (the OpenTelemetry instrumentation for the AWS
 * SDK, loaded into every SDK client by {@code AwsCallSpans}): AssumeRole, the describes, the update. When the spoke
 * refuses, the failed call's span says which call and the AWS error code. On moto, with a spoke role that cannot be
 * assumed in one account.
 */
@ExtendWith(MotoExtension.class)
class TracedWorkerOnMotoTest {

    private static final String DEAD = "333333333333";
    private static final String LIVE = "111111111111";
    private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");

    private static final Capacity AWAKE = new Capacity(1, 2, 4);
    private final WorkItemCodec codec = new WorkItemCodec();
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
    private final Tracing tracing = Tracing.install(Tracing.of(sdk));

    @AfterEach
    void close() {
        tracing.close();
        sdk.close();
    }

    @Test
    void eachAwsCallIsAChildOfItsTargetsSpanAndTheRefusedOneNamesItsErrorCode(MotoServer moto) {
        InMemoryOperationStore store = new InMemoryOperationStore();
        try (MotoFleet fleet = new MotoFleet(moto, tracing.operations(store), List.of(),
                List.of(new ResilienceTest.DeniedAccount(DEAD)))) {
            Target live = fleet.createAsg(LIVE, "web", AWAKE, optIn());
            Target dead = fleet.createAsg(DEAD, "web", AWAKE, optIn());
            TracedWorkItemHandler handler = new TracedWorkItemHandler(fleet.worker, tracing);
            exporter.reset(); // the set-up's calls were made outside any span, and are not traced anyway

            assertThat(handler.handle(message(live))).isEqualTo(Outcome.done());
            assertThat(handler.handle(message(dead))).isEqualTo(Outcome.done());

            List<SpanData> spans = exporter.getFinishedSpanItems();
            SpanData liveSpan = workSpan(spans, live);
            SpanData deadSpan = workSpan(spans, dead);
            assertThat(children(spans, liveSpan)).extracting(s -> s.getAttributes().get(RPC_SERVICE) + "."
                    + s.getAttributes().get(RPC_METHOD))
                    .contains("Sts.AssumeRole", "AutoScaling.DescribeAutoScalingGroups",
                            "AutoScaling.UpdateAutoScalingGroup");
            assertThat(liveSpan.getAttributes().get(SpanNames.OUTCOME)).isEqualTo("SUCCEEDED");
            assertThat(liveSpan.getTraceId()).isEqualTo(store.byTarget(live.key(), 1).get(0).traceId());

            assertThat(deadSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(deadSpan.getAttributes().get(SpanNames.ERROR_CODE)).isEqualTo("AccessDenied");
            SpanData refused = children(spans, deadSpan).stream()
                    .filter(s -> "AssumeRole".equals(s.getAttributes().get(RPC_METHOD))).findFirst().orElseThrow();
            assertThat(refused.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(refused.getAttributes().get(SpanNames.AWS_ERROR_CODE)).isEqualTo("AccessDenied");
            assertThat(refused.getEvents()).anySatisfy(event -> {
                assertThat(event.getName()).isEqualTo("exception");
                assertThat(event.getAttributes().get(EXCEPTION_MESSAGE)).contains("not authorized");
            });
            OperationRecord failed = store.byTarget(dead.key(), 1).get(0);
            assertThat(failed.errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void callsOutsideAnyOffhoursSpanAreNotTraced(MotoServer moto) {
        try (MotoFleet fleet = new MotoFleet(moto, tracing.operations(new InMemoryOperationStore()), List.of(),
                List.of())) {
            Target untraced = fleet.createAsg(LIVE, "untraced", AWAKE, optIn());
            fleet.worker.handle(message(untraced)); // the worker itself, without its span
        }
        assertThat(exporter.getFinishedSpanItems()).isEmpty();
    }

    private static SpanData workSpan(List<SpanData> spans, Target target) {
        return spans.stream().filter(s -> s.getName().equals(SpanNames.WORK)
                && target.key().equals(s.getAttributes().get(SpanNames.TARGET))).findFirst().orElseThrow();
    }

    private static List<SpanData> children(List<SpanData> spans, SpanData parent) {
        return spans.stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
    }

    private ReceivedMessage message(Target target) {
        return new ReceivedMessage("m-" + target.key(), codec.encode(item(Action.SLEEP, target, NOW)), 1);
    }
}
