package dev.offhours.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Fills a {@link FleetState} deterministically from a seed: account ids count up from the first id, names are
 * numbered, capacities are drawn as min 1-3, desired 2-6 (at least min), max 10.
 */
final class FleetGenerator {
    static final String SCHEDULE_TAG = "offhours.dev/schedule";

    private final Random random;
    private final Instant createdAt;

    FleetGenerator(long seed, Instant createdAt) {
        this.random = new Random(seed);
        this.createdAt = createdAt;
    }

    void generate(FleetTopology topology, FleetState state) {
        for (int i = 0; i < topology.accounts(); i++) {
            String account = String.format("%012d", topology.firstAccountId() + i);
            state.addAccount(account);
            for (String region : topology.regions()) {
                RegionState regionState = state.region(account, region);
                addAsgs(regionState, topology);
                addNodegroups(regionState, topology);
            }
        }
        List<String> accounts = new ArrayList<>(state.accounts());
        Collections.shuffle(accounts, random);
        accounts.stream().limit(topology.deniedAccounts()).forEach(state::deny);
        topology.deniedAccountIds().forEach(state::deny);
        markStuck(state, topology.stuckNodegroups());
    }

    private void addAsgs(RegionState region, FleetTopology topology) {
        for (int j = 1; j <= topology.asgsPerAccountRegion(); j++) {
            String schedule = topology.schedules().get((j - 1) % topology.schedules().size());
            addAsg(region, String.format("asg-%03d", j), capacity(), Map.of(SCHEDULE_TAG, schedule));
        }
        for (int j = 1; j <= topology.untaggedAsgsPerAccountRegion(); j++) {
            addAsg(region, String.format("unmanaged-%03d", j), capacity(), Map.of());
        }
    }

    private void addNodegroups(RegionState region, FleetTopology topology) {
        for (int k = 1; k <= topology.nodegroupsPerAccountRegion(); k++) {
            String cluster = String.format("cluster-%d", (k - 1) % topology.clustersPerAccountRegion() + 1);
            String schedule = topology.schedules().get((k - 1) % topology.schedules().size());
            addNodegroup(region, cluster, String.format("ng-%03d", k), capacity(), Map.of(SCHEDULE_TAG, schedule));
        }
    }

    AsgState addAsg(RegionState region, String name, Capacity capacity, Map<String, String> tags) {
        AccountRegion where = region.accountRegion;
        String arn = "arn:aws:autoscaling:" + where.region() + ":" + where.account() + ":autoScalingGroup:" + uuid()
                + ":autoScalingGroupName/" + name;
        AsgState asg = new AsgState(name, arn, createdAt, capacity);
        asg.tags.putAll(tags);
        region.asgs().put(name, asg);
        return asg;
    }

    NodegroupState addNodegroup(RegionState region, String cluster, String name, Capacity capacity,
                                Map<String, String> tags) {
        AccountRegion where = region.accountRegion;
        ClusterState clusterState = region.clusters().computeIfAbsent(cluster, c ->
                new ClusterState(c, EksArn.cluster(where.region(), where.account(), c), createdAt));
        String arn = EksArn.nodegroup(where.region(), where.account(), cluster, name, uuid());
        NodegroupState ng = new NodegroupState(cluster, name, arn, createdAt, capacity);
        ng.tags.putAll(tags);
        clusterState.nodegroups.put(name, ng);
        return ng;
    }

    private void markStuck(FleetState state, int count) {
        List<NodegroupState> all = new ArrayList<>();
        state.regions().values().forEach(r -> r.clusters().values().forEach(c -> all.addAll(c.nodegroups.values())));
        Collections.shuffle(all, random);
        all.stream().limit(count).forEach(ng -> ng.stuck = true);
    }

    private Capacity capacity() {
        int min = 1 + random.nextInt(3);
        int desired = Math.max(min, 2 + random.nextInt(5));
        return new Capacity(min, desired, 10);
    }

    private synchronized String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
