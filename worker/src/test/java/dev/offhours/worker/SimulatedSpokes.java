package dev.offhours.worker;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.testsupport.store.InMemoryAwakeCapacityStore;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.simulator.ApiFamily;
import dev.offhours.simulator.FleetTime;
import dev.offhours.simulator.ManualTime;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A SpokeWorker wired to the fleet simulator on manual time: no latency, exact call counts, and EKS updates that
 * take as long as the test says. For behaviour moto cannot show (asynchronous updates, counted describes).
 */
final class SimulatedSpokes {

    static final String ACCOUNT = "100000000001";
    static final String REGION = "eu-west-1";

    final ManualTime time = FleetTime.manual(MotoFleet.NOW);
    final SimulatedFleet fleet;
    final SpokeWorker worker;
    final InMemoryAwakeCapacityStore awake = new InMemoryAwakeCapacityStore();
    private final WorkItemCodec codec = new WorkItemCodec();

    SimulatedSpokes(OperationStore operations, Duration nodegroupUpdate, Duration asgViewFreshness) {
        this.fleet = SimulatedFleet.builder().seed(3).time(time).noLatency().accounts(1).firstAccountId(100000000001L)
                .regions(REGION).asgsPerAccountRegion(0).nodegroupsPerAccountRegion(0)
                .nodegroupUpdateDuration(nodegroupUpdate).build();
        Clock clock = time.asClock();
        Pipelines pipelines = new Pipelines(ResilienceSettings.defaults());
        RoleCredentialsCache credentials = new RoleCredentialsCache(fleet.stsAsync(),
                RoleCredentialsCache.Settings.of(fleet.config().roleName(), fleet.config().externalId()), clock,
                pipelines.stsGuard());
        SpokeClientFactory factory = SpokeClientFactory.of(fleet::autoScaling, fleet::eks, fleet::autoScalingAsync, fleet::eksAsync);
        SpokeWorker.Settings defaults = SpokeWorker.Settings.defaults();
        this.worker = new SpokeWorker(new SpokeClients(factory, credentials), pipelines,
                operations, awake, awake, clock, new SpokeWorker.Settings(defaults.recordRetention(), defaults.confirmDelay(),
                defaults.retryLaterDelay(), asgViewFreshness));
    }

    Target asg(String name, Capacity capacity) {
        fleet.addAsg(ACCOUNT, REGION, name, simulator(capacity), Map.of(OffhoursTags.SCHEDULE, MotoFleet.SCHEDULE));
        return Target.asg(ACCOUNT, REGION, name);
    }

    Target nodegroup(String cluster, String name, Capacity capacity) {
        fleet.addNodegroup(ACCOUNT, REGION, cluster, name, simulator(capacity),
                Map.of(OffhoursTags.SCHEDULE, MotoFleet.SCHEDULE));
        return Target.nodegroup(ACCOUNT, REGION, cluster, name);
    }

    Capacity capacityOf(Target target) {
        dev.offhours.simulator.Capacity c = fleet.capacity(simulated(target));
        return new Capacity(c.min(), c.desired(), c.max());
    }

    Outcome handle(WorkItem item, int receiveCount) {
        return worker.handle(new ReceivedMessage("m-" + item.target().key(), codec.encode(item), receiveCount));
    }

    long calls(ApiFamily family, String operation) {
        return fleet.metrics().snapshot().calls(family, operation);
    }

    private static dev.offhours.simulator.Target simulated(Target target) {
        return target.cluster() == null
                ? new dev.offhours.simulator.Target(target.account(), target.region(),
                dev.offhours.core.work.TargetKind.ASG, null, target.name(), MotoFleet.SCHEDULE)
                : new dev.offhours.simulator.Target(target.account(), target.region(),
                dev.offhours.core.work.TargetKind.EKS_NODEGROUP, target.cluster(), target.name(), MotoFleet.SCHEDULE);
    }

    private static dev.offhours.simulator.Capacity simulator(Capacity capacity) {
        return new dev.offhours.simulator.Capacity(capacity.min(), capacity.desired(), capacity.max());
    }
}
