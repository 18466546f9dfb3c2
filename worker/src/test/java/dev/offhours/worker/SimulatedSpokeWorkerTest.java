package dev.offhours.worker;

import static dev.offhours.worker.MotoFleet.NOW;
import static dev.offhours.worker.MotoFleet.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.simulator.ApiFamily;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shared Auto Scaling describes and asynchronous EKS updates, on the fleet simulator with manual time. */
class SimulatedSpokeWorkerTest {

    private static final Capacity AWAKE = new Capacity(2, 3, 10);
    private static final Capacity ASG_ASLEEP = new Capacity(0, 0, 0);
    private static final Instant MORNING = NOW.plus(Duration.ofHours(14));
    private static final Duration LONG_FRESHNESS = Duration.ofMinutes(10);

    private final InMemoryOperationStore store = new InMemoryOperationStore();

    @Test
    void groupsOfOneAccountRegionShareOneTagFilteredDescribe() {
        SimulatedSpokes spokes = new SimulatedSpokes(store, Duration.ZERO, LONG_FRESHNESS);
        List<Target> groups = IntStream.range(0, 5).mapToObj(i -> spokes.asg("web-" + i, AWAKE)).toList();

        groups.forEach(group -> assertThat(spokes.handle(item(Action.SLEEP, group, NOW), 1)).isEqualTo(Outcome.done()));

        assertThat(groups).allSatisfy(group -> assertThat(spokes.capacityOf(group)).isEqualTo(ASG_ASLEEP));
        assertThat(spokes.calls(ApiFamily.AUTOSCALING, "DescribeAutoScalingGroups")).as("one describe served all five")
                .isEqualTo(1);
    }

    @Test
    void aGroupThisWorkerChangedIsDescribedAgainBeforeTheNextDecision() {
        SimulatedSpokes spokes = new SimulatedSpokes(store, Duration.ZERO, LONG_FRESHNESS);
        Target web = spokes.asg("web", AWAKE);
        Target api = spokes.asg("api", AWAKE);
        spokes.handle(item(Action.SLEEP, api, NOW), 1); // the shared view now holds web awake

        spokes.handle(item(Action.SLEEP, web, NOW), 1);
        // a wake right after (catch-up of a short window): a view from before the sleep would say "already awake"
        assertThat(spokes.handle(item(Action.WAKE, web, MORNING), 1)).isEqualTo(Outcome.done());

        assertThat(spokes.capacityOf(web)).isEqualTo(AWAKE);
        assertThat(store.byTarget(web.key(), 10)).extracting(OperationRecord::action, OperationRecord::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Action.WAKE, OperationStatus.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple(Action.SLEEP, OperationStatus.SUCCEEDED));
    }

    @Test
    void groupWithoutTheScheduleTagIsDescribedByNameAndSkipped() {
        SimulatedSpokes spokes = new SimulatedSpokes(store, Duration.ZERO, LONG_FRESHNESS);
        spokes.asg("web", AWAKE);
        spokes.fleet.addAsg(SimulatedSpokes.ACCOUNT, SimulatedSpokes.REGION, "untagged",
                new dev.offhours.simulator.Capacity(2, 3, 10), java.util.Map.of("team", "payments"));
        Target untagged = Target.asg(SimulatedSpokes.ACCOUNT, SimulatedSpokes.REGION, "untagged");

        assertThat(spokes.handle(item(Action.SLEEP, untagged, NOW), 1)).isEqualTo(Outcome.done());

        assertThat(spokes.capacityOf(untagged)).isEqualTo(AWAKE);
        assertThat(store.byTarget(untagged.key(), 1).get(0).status()).isEqualTo(OperationStatus.SKIPPED);
        assertThat(spokes.calls(ApiFamily.AUTOSCALING, "DescribeAutoScalingGroups")).isEqualTo(2);
    }

    @Test
    void nodegroupUpdateAnsweredCompleteIsNotDescribedAgain() {
        SimulatedSpokes spokes = new SimulatedSpokes(store, Duration.ZERO, LONG_FRESHNESS);
        Target ng = spokes.nodegroup("main", "workers", AWAKE);

        assertThat(spokes.handle(item(Action.SLEEP, ng, NOW), 1)).isEqualTo(Outcome.done());

        assertThat(spokes.capacityOf(ng)).isEqualTo(new Capacity(0, 0, 1));
        assertThat(spokes.calls(ApiFamily.EKS, "DescribeUpdate")).isZero();
        assertThat(store.byTarget(ng.key(), 10)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(OperationStatus.SUCCEEDED));
    }

    @Test
    void nodegroupUpdateInProgressIsRecordedAndConfirmedByALaterDelivery() {
        SimulatedSpokes spokes = new SimulatedSpokes(store, Duration.ofSeconds(40), LONG_FRESHNESS);
        Target ng = spokes.nodegroup("main", "workers", AWAKE);

        Outcome first = spokes.handle(item(Action.SLEEP, ng, NOW), 1);

        assertThat(first).isInstanceOf(Outcome.RetryLater.class);
        assertThat(spokes.calls(ApiFamily.EKS, "DescribeUpdate")).isZero(); // no polling in the thread
        OperationRecord progress = store.byTarget(ng.key(), 1).get(0);
        assertThat(progress.status()).isEqualTo(OperationStatus.IN_PROGRESS);
        assertThat(progress.updateId()).isNotBlank();

        assertThat(spokes.handle(item(Action.SLEEP, ng, NOW), 2)).isInstanceOf(Outcome.RetryLater.class);
        spokes.time.advance(Duration.ofSeconds(40));
        assertThat(spokes.handle(item(Action.SLEEP, ng, NOW), 3)).isEqualTo(Outcome.done());

        OperationRecord confirmed = store.byTarget(ng.key(), 1).get(0);
        assertThat(confirmed.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(confirmed.updateId()).isEqualTo(progress.updateId());
        assertThat(confirmed.before()).isEqualTo(AWAKE);
        assertThat(spokes.calls(ApiFamily.EKS, "UpdateNodegroupConfig")).isEqualTo(1);
        assertThat(spokes.calls(ApiFamily.EKS, "DescribeUpdate")).isEqualTo(2);
    }
}
