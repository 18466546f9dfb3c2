package dev.offhours.bench;

import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.testsupport.store.InMemoryAwakeCapacityStore;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import java.time.Duration;

/**
 * One storm's world: the simulated spoke accounts and the hub's stores (DynamoDB in production). Every worker of a
 * contender shares it: the Lambda mode's environments each have their own worker and caches, but one hub.
 */
record StormFleet(SimulatedFleet spokes, CountingOperationStore operations, InMemoryAwakeCapacityStore awake) {

    static final String SCHEDULE = "office-hours";
    static final int PER_KIND_PER_ACCOUNT_REGION = 5;
    static final int TARGETS_PER_ACCOUNT = 2 * 2 * PER_KIND_PER_ACCOUNT_REGION;

    /** Accounts x 2 regions x (5 ASGs + 5 node groups, one cluster); node group updates complete at once. */
    static StormFleet of(int accounts, double scale) {
        SimulatedFleet spokes = SimulatedFleet.builder().seed(7).accounts(accounts).regions("eu-west-1", "eu-central-1")
                .asgsPerAccountRegion(PER_KIND_PER_ACCOUNT_REGION).nodegroupsPerAccountRegion(PER_KIND_PER_ACCOUNT_REGION)
                .clustersPerAccountRegion(1).schedule(SCHEDULE).timeScale(scale)
                .nodegroupUpdateDuration(Duration.ZERO).build();
        return new StormFleet(spokes, new CountingOperationStore(new InMemoryOperationStore()),
                new InMemoryAwakeCapacityStore());
    }
}
