package dev.offhours.reconciler.converge;

import static dev.offhours.reconciler.converge.SimulatedHub.SCHEDULE;
import static dev.offhours.reconciler.converge.SimulatedHub.accounts;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.core.notify.HubSignals;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.reconciler.notify.EventSink;
import dev.offhours.reconciler.notify.TransitionEvents;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a user routing the hub's events sees: one {@code Offhours Transition Finished} event per intent, with the
 * failed targets and their reasons, whatever replica counts the intent and however often. Real parts: the embedded
 * store, ElasticMQ, the real worker on the fleet simulator, a moved clock.
 */
@ExtendWith(ElasticMqExtension.class)
class TransitionAnnouncementTest {

    /** 19:00 in Paris on a Monday in March: the office schedule's sleep. */
    private static final Instant MONDAY_SLEEP = Instant.parse("2026-03-02T18:00:00Z");
    private static final Schedule OFFICE = office(SCHEDULE, Scope.EVERYWHERE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    @TempDir
    Path dir;
    private SimulatedHub hub;

    TransitionAnnouncementTest(EmbeddedElasticMq mq, SqsClient sqs) {
        this.sqs = sqs;
        this.queueUrl = mq.createQueue("announce-" + System.nanoTime(), Map.of());
    }

    @AfterEach
    void close() {
        if (hub != null) {
            hub.close();
        }
    }

    /** Keeps what the bus took; refuses the first {@code refusals} events. */
    private static final class Bus implements EventSink {
        final List<JsonNode> taken = new ArrayList<>();
        final AtomicInteger refusals;

        Bus(int refusals) {
            this.refusals = new AtomicInteger(refusals);
        }

        @Override
        public boolean put(String detailType, String detail) {
            assertThat(detailType).isEqualTo(HubSignals.TRANSITION_FINISHED);
            if (refusals.getAndDecrement() > 0) {
                return false;
            }
            try {
                taken.add(JSON.readTree(detail));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return true;
        }
    }

    private SimulatedHub.Replica replica(String owner, Bus bus) {
        return hub.replica(owner, new TransitionEvents(bus, hub.store.operations(), hub.clock));
    }

    @Test
    void aSleepWithOneVanishedTargetIsAnnouncedOnceAsFailedWithThatTargetsReason() {
        hub = new SimulatedHub(dir, sqs, queueUrl, MONDAY_SLEEP.plusSeconds(1), 1, 3);
        dev.offhours.simulator.Target gone = hub.targets().get(1);
        hub.fleet.remove(gone);
        Bus bus = new Bus(0);
        SimulatedHub.Replica first = replica("hub-a", bus).apply(accounts(1), OFFICE).run();
        assertThat(bus.taken).as("nothing is finished before the workers report").isEmpty();
        assertThat(hub.work()).isEqualTo(3);

        first.run();
        hub.time.advance(Duration.ofMinutes(6)); // a settled schedule is counted again every resendAfter
        first.run();
        replica("hub-restarted", bus).apply(accounts(1), OFFICE).run();

        assertThat(bus.taken).hasSize(1);
        JsonNode event = bus.taken.get(0);
        assertThat(event.get("schedule").asText()).isEqualTo(SCHEDULE);
        assertThat(event.get("transition").asText()).isEqualTo(MONDAY_SLEEP.toString());
        assertThat(event.get("desiredState").asText()).isEqualTo("ASLEEP");
        assertThat(event.get("outcome").asText()).isEqualTo("Failed");
        assertThat(event.get("counts").toString()).isEqualTo("{\"targets\":3,\"converged\":2,\"failed\":1}");
        JsonNode failed = event.get("failedTargets").get(0);
        String key = SimulatedHub.core(gone).key();
        assertThat(failed.get("target").asText()).isEqualTo(key);
        assertThat(failed.get("errorCode").asText()).isEqualTo("NotFound");
        assertThat(failed.get("message").asText()).contains(gone.name());
        OperationRecord record = hub.store.operations()
                .find(new OperationRecord.Key(SCHEDULE, MONDAY_SLEEP, key)).orElseThrow();
        assertThat(record.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(event.get("traceId").asText()).as("the trace id finds the operation records")
                .isEqualTo(record.traceId());
        assertThat(hub.intent()).get().satisfies(intent -> assertThat(intent.announcedAt()).isNotNull());
    }

    @Test
    void aConvergedWakeIsAnnouncedOnceAsConvergedAndTheNextTransitionAgain() {
        hub = new SimulatedHub(dir, sqs, queueUrl, MONDAY_SLEEP.plusSeconds(1), 2, 2);
        Bus bus = new Bus(0);
        SimulatedHub.Replica replica = replica("hub-a", bus).apply(accounts(2), OFFICE).run();
        hub.work();
        replica.run();
        hub.time.advance(Duration.ofHours(12).plusMinutes(30)); // Tuesday 06:30:01 UTC, the wake
        replica.run();
        hub.work();
        replica.run();
        replica.run();

        assertThat(bus.taken).extracting(e -> e.get("desiredState").asText() + " " + e.get("outcome").asText()
                + " " + e.get("counts").get("converged").asInt()).containsExactly("ASLEEP Converged 4",
                "AWAKE Converged 4");
        assertThat(bus.taken.get(1).get("failedTargets")).isEmpty();
    }

    @Test
    void anEventTheBusRefusedIsAnnouncedAtTheNextCount() {
        hub = new SimulatedHub(dir, sqs, queueUrl, MONDAY_SLEEP.plusSeconds(1), 1, 2);
        Bus bus = new Bus(1);
        SimulatedHub.Replica replica = replica("hub-a", bus).apply(accounts(1), OFFICE).run();
        hub.work();
        replica.run();
        assertThat(bus.taken).isEmpty();
        assertThat(hub.intent()).get().satisfies(intent -> assertThat(intent.announcedAt()).isNull());

        hub.time.advance(Duration.ofMinutes(6));
        replica.run();
        replica.run();
        assertThat(bus.taken).hasSize(1);
    }
}
