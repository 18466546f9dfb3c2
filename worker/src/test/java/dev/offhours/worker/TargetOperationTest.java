package dev.offhours.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.testsupport.store.InMemoryAwakeCapacityStore;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.worker.action.Applied;
import dev.offhours.worker.action.ObservedTarget;
import dev.offhours.worker.action.TargetActions;
import dev.offhours.worker.action.UpdateState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What TargetOperation hands the capacity rules, seen through what it writes. */
class TargetOperationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
    private static final Capacity AWAKE = new Capacity(2, 3, 10);
    private static final Target ASG = Target.asg("111111111111", MotoFleet.REGION, "web");

    private final InMemoryAwakeCapacityStore store = new InMemoryAwakeCapacityStore();
    private final TargetOperation operation = new TargetOperation(store,
            new RecordFactory(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30)), Duration.ofSeconds(30), Runnable::run);

    @Test
    void aTargetOffhoursPutToSleepGoesBackToSleepWithoutItsRaisedMaxReplacingTheSavedCapacity() {
        FakeAsg asg = new FakeAsg(new Capacity(0, 0, 5), "min=2,desired=3,max=10");
        store.save(ASG.key(), AWAKE);

        TargetOperation.Step step = operation.run(MotoFleet.item(Action.SLEEP, ASG, NOW), asg, Optional.empty(), 1, NOW,
                Optional.of(Action.SLEEP)).join();

        assertThat(step.record().status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(asg.current).isEqualTo(new Capacity(0, 0, 0));
        assertThat(asg.tags).containsEntry(OffhoursTags.AWAKE_CAPACITY, "min=2,desired=3,max=10");
        assertThat(store.find(ASG.key())).contains(AWAKE);
    }

    @Test
    void withoutLastAppliedAnAwakeTargetIsSavedAndPutToSleepAsBefore() {
        FakeAsg asg = new FakeAsg(new Capacity(1, 5, 10), "min=2,desired=3,max=10");

        operation.run(MotoFleet.item(Action.SLEEP, ASG, NOW), asg, Optional.empty(), 1, NOW).join();

        assertThat(asg.current).isEqualTo(new Capacity(0, 0, 0));
        assertThat(asg.tags).containsEntry(OffhoursTags.AWAKE_CAPACITY, "min=1,desired=5,max=10");
        assertThat(store.find(ASG.key())).contains(new Capacity(1, 5, 10));
    }

    /** An ASG that changes at once, like the Auto Scaling API. */
    private static final class FakeAsg implements TargetActions {
        Capacity current;
        final Map<String, String> tags = new HashMap<>();

        FakeAsg(Capacity current, String awakeTag) {
            this.current = current;
            tags.put(OffhoursTags.SCHEDULE, MotoFleet.SCHEDULE);
            tags.put(OffhoursTags.AWAKE_CAPACITY, awakeTag);
        }

        @Override
        public CompletableFuture<ObservedTarget> observe(Target target) {
            return CompletableFuture.completedFuture(new ObservedTarget(current, tags, target.name(), false));
        }

        @Override
        public CompletableFuture<Void> saveAwake(Target target, ObservedTarget observed, Capacity awake) {
            tags.put(OffhoursTags.AWAKE_CAPACITY, OffhoursTags.formatCapacity(awake));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Applied> apply(Target target, Capacity capacity) {
            current = capacity;
            return CompletableFuture.completedFuture(Applied.done());
        }

        @Override
        public CompletableFuture<UpdateState> confirm(Target target, String updateId, Capacity expected) {
            throw new UnsupportedOperationException("an ASG changes at once");
        }
    }
}
