package dev.offhours.reconciler.events;

import static dev.offhours.reconciler.events.InventoryUpdaterTest.AWAKE;
import static dev.offhours.reconciler.events.InventoryUpdaterTest.ONBOARDED;
import static dev.offhours.reconciler.events.InventoryUpdaterTest.OPTED_IN;
import static dev.offhours.reconciler.events.InventoryUpdaterTest.T0;
import static dev.offhours.reconciler.events.MotoEventHub.ACCOUNT;
import static dev.offhours.reconciler.events.MotoEventHub.BUS;
import static dev.offhours.reconciler.events.MotoEventHub.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.testsupport.MutableClock;
import dev.offhours.worker.tracing.SpanNames;
import dev.offhours.worker.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event updater's trace of an owner's changes: each event received is a span, and the refresh it led to is its
 * child, named for what it took: read from the spoke (with the spoke call inside) or applied from the event alone.
 * Events put on a hub bus in moto, delivered by its rule to SQS; the SDK's in-memory exporter.
 */
@ExtendWith(MotoExtension.class)
class EventSpansTest {

    private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(T0.plusSeconds(30));
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
    private final Tracing tracing = Tracing.install(Tracing.of(sdk));
    private MotoEventHub hub;
    private EmbeddedHubStore store;
    private InventoryUpdater updater;

    @BeforeEach
    void start(MotoServer moto) {
        hub = new MotoEventHub(moto);
        store = EmbeddedHubStore.open(directory.resolve("hub.mv.db"), clock);
        updater = new InventoryUpdater(hub.sqs, new InventoryUpdater.Settings(hub.queueUrl, hub.deadLetterUrl,
                Duration.ofSeconds(2), Duration.ofSeconds(10), 2, 1), new SpokeEventParser(MotoEventHub.ROLE),
                hub.listing, store.inventory(), store.control(), () -> ONBOARDED, AsleepShapes.ZERO, clock, tracing);
    }

    @AfterEach
    void close() {
        updater.close();
        hub.close();
        store.close();
        tracing.close();
        sdk.close();
    }

    @Test
    void aCreationIsReadFromTheSpokeAndAResizeIsAppliedFromItsEvent() {
        hub.createAsg("web", AWAKE, OPTED_IN);
        hub.put(List.of(EventFixtures.of(ACCOUNT, REGION).entry("create-auto-scaling-group", T0, BUS)));
        consume();
        hub.resizeAsg("web", new Capacity(1, 3, 6));
        hub.put(List.of(EventFixtures.of(ACCOUNT, REGION).entry("update-auto-scaling-group", T0.plusSeconds(60),
                BUS)));
        consume();

        List<SpanData> spans = exporter.getFinishedSpanItems();
        List<SpanData> received = named(spans, SpanNames.EVENT);
        assertThat(received).hasSize(2).allSatisfy(span -> {
            assertThat(span.getAttributes().get(SpanNames.ACCOUNT)).isEqualTo(ACCOUNT);
            assertThat(span.getAttributes().get(SpanNames.OUTCOME)).isEqualTo("HELD");
        });
        assertThat(received).extracting(s -> s.getAttributes().get(EventSpans.EVENT_ACTION))
                .containsExactly("CreateAutoScalingGroup", "UpdateAutoScalingGroup");

        SpanData read = named(spans, SpanNames.EVENT_READ).get(0);
        assertThat(read.getParentSpanId()).isEqualTo(received.get(0).getSpanId());
        assertThat(read.getTraceId()).isEqualTo(received.get(0).getTraceId());
        assertThat(read.getAttributes().get(SpanNames.OUTCOME)).isEqualTo("UPDATED");
        assertThat(spans).as("the spoke read inside the refresh").anySatisfy(call -> {
            assertThat(call.getParentSpanId()).isEqualTo(read.getSpanId());
            assertThat(call.getAttributes().get(RPC_METHOD)).isEqualTo("DescribeAutoScalingGroups");
        });

        SpanData applied = named(spans, SpanNames.EVENT_APPLIED).get(0);
        assertThat(applied.getParentSpanId()).isEqualTo(received.get(1).getSpanId());
        assertThat(applied.getAttributes().get(SpanNames.OUTCOME)).isEqualTo("APPLIED");
        assertThat(spans).as("no spoke read for an applied event").noneSatisfy(call -> {
            assertThat(call.getParentSpanId()).isEqualTo(applied.getSpanId());
            assertThat(call.getAttributes().get(RPC_METHOD)).startsWith("Describe");
        });
    }

    private static List<SpanData> named(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name))
                .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    }

    private void consume() {
        while (updater.poll(0) > 0) {
            // gather everything delivered so far
        }
        clock.advance(Duration.ofSeconds(11));
        updater.flushDueNow();
    }
}
