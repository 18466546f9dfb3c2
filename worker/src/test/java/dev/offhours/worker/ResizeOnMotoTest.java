package dev.offhours.worker;

import static dev.offhours.worker.MotoFleet.NOW;
import static dev.offhours.worker.MotoFleet.SCHEDULE;
import static dev.offhours.worker.MotoFleet.item;
import static dev.offhours.worker.MotoFleet.optIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RESIZE on moto: full, a reduced evening at 30 %, asleep, and back to exactly the saved awake capacity, for an ASG
 * (saved in its tag) and an EKS node group (saved in the hub's store: moto cannot tag node groups), with the records
 * each step leaves.
 */
@ExtendWith(MotoExtension.class)
class ResizeOnMotoTest {

    private static final Capacity AWAKE = new Capacity(2, 10, 20);
    private static final Capacity REDUCED = new Capacity(2, 3, 20);
    private static final Instant EVENING = NOW;
    private static final Instant NIGHT = NOW.plus(Duration.ofHours(4));
    private static final Instant MORNING = NOW.plus(Duration.ofHours(14));

    private final InMemoryOperationStore store = new InMemoryOperationStore();
    private MotoFleet fleet;

    @BeforeEach
    void fleet(MotoServer moto) {
        fleet = new MotoFleet(moto, store, List.of(), List.of());
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void anAsgRunsAtThirtyPercentSleepsAndWakesToExactlyItsSavedCapacity() {
        Target web = fleet.createAsg("111111111111", "web", AWAKE, optIn());

        assertThat(fleet.handle(resize(web, EVENING, 30), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).isEqualTo(REDUCED);
        assertThat(fleet.tagOf(web, OffhoursTags.AWAKE_CAPACITY)).isEqualTo("min=2,desired=10,max=20");

        assertThat(fleet.handle(item(Action.SLEEP, web, NIGHT), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).isEqualTo(new Capacity(0, 0, 0));
        assertThat(fleet.tagOf(web, OffhoursTags.AWAKE_CAPACITY)).isEqualTo("min=2,desired=10,max=20");

        assertThat(fleet.handle(item(Action.WAKE, web, MORNING), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).isEqualTo(AWAKE);
        assertThat(store.byTarget(web.key(), 10)).extracting(OperationRecord::action, OperationRecord::status,
                OperationRecord::before, OperationRecord::after).containsExactly(
                tuple(Action.WAKE, OperationStatus.SUCCEEDED, new Capacity(0, 0, 0), AWAKE),
                tuple(Action.SLEEP, OperationStatus.SUCCEEDED, REDUCED, new Capacity(0, 0, 0)),
                tuple(Action.RESIZE, OperationStatus.SUCCEEDED, AWAKE, REDUCED));
    }

    @Test
    void aNodegroupWakesFromAsleepToThirtyPercentThenToFullCapacity() {
        Target ng = fleet.createNodegroup("111111111111", "prod", "ng-1", AWAKE, optIn());
        fleet.handle(item(Action.SLEEP, ng, EVENING.minus(Duration.ofHours(1))), 1);
        assertThat(fleet.capacityOf(ng)).isEqualTo(new Capacity(0, 0, 1));

        assertThat(fleet.handle(resize(ng, EVENING, 30), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(ng)).isEqualTo(REDUCED);
        assertThat(fleet.awake.find(ng.key())).contains(AWAKE);

        assertThat(fleet.handle(item(Action.SLEEP, ng, NIGHT), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.handle(item(Action.WAKE, ng, MORNING), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(ng)).isEqualTo(AWAKE);
        assertThat(store.byTarget(ng.key(), 10)).extracting(OperationRecord::action)
                .containsExactlyInAnyOrder(Action.WAKE, Action.SLEEP, Action.RESIZE, Action.SLEEP);
        assertThat(store.byTarget(ng.key(), 10)).allSatisfy(r -> assertThat(r.status())
                .isEqualTo(OperationStatus.SUCCEEDED));
    }

    @Test
    void aRepeatedResizeChangesNothingAndTheSleepAfterItKeepsTheSavedCapacity() {
        Target web = fleet.createAsg("111111111111", "web", AWAKE, optIn());
        fleet.handle(resize(web, EVENING, 30), 1);

        // a new intent at the same share (the scope changed in the evening) finds the target already there
        assertThat(fleet.handle(resize(web, EVENING.plusSeconds(60), 30), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).isEqualTo(REDUCED);
        assertThat(store.byTarget(web.key(), 10)).extracting(OperationRecord::status)
                .containsExactly(OperationStatus.SKIPPED, OperationStatus.SUCCEEDED);

        fleet.handle(item(Action.SLEEP, web, NIGHT), 1);
        assertThat(fleet.tagOf(web, OffhoursTags.AWAKE_CAPACITY)).isEqualTo("min=2,desired=10,max=20");
        fleet.handle(item(Action.WAKE, web, MORNING), 1);
        assertThat(fleet.capacityOf(web)).isEqualTo(AWAKE);
    }

    private static WorkItem resize(Target target, Instant transition, int percent) {
        return WorkItem.atLevel(SCHEDULE, transition, percent, target, AsleepCapacity.ZERO, "main@sha1:abc", null);
    }
}
