package dev.offhours.bench;

import dev.offhours.core.work.Action;
import dev.offhours.simulator.AccountRegion;
import dev.offhours.simulator.ApiFamily;
import dev.offhours.simulator.FleetConfig;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.simulator.Target;
import dev.offhours.core.work.TargetKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What AWS's limits physically allow for one storm, from the calls a target minimally needs: an ASG its
 * share of one tag-filtered describe per account-region, a tag write on sleep, an update; a node group a describe,
 * a tag write on sleep, an update; one AssumeRole per account. The limit is the larger of (a) the busiest
 * bucket's minimal calls against its token bucket (starting full) and (b) the sum of the minimal calls' mean
 * latencies divided by the calls in flight. Simulated seconds.
 *
 * <p>What AWS itself allows, whatever the worker's concurrency: the larger of the bucket bound and the slowest
 * target's minimal chain of calls one after another (AssumeRole, describe, a tag write on sleep, update; mean
 * latencies of its kind). The chain starts at AWS: enqueueing and receiving are ours and not in it.
 */
record PhysicalLimit(double bucketSeconds, double latencySeconds, double slowestChainSeconds, long minimalCalls) {

    /** The limit at the given number of calls in flight. */
    double seconds() {
        return Math.max(bucketSeconds, latencySeconds);
    }

    /** The limit with as many calls in flight as AWS's token buckets admit. */
    double awsBoundSeconds() {
        return Math.max(bucketSeconds, slowestChainSeconds);
    }

    static PhysicalLimit of(SimulatedFleet fleet, Action action, int inFlight) {
        FleetConfig config = fleet.config();
        int writesPerTarget = action == Action.SLEEP ? 2 : 1;
        Map<AccountRegion, long[]> callsByAccountRegion = new HashMap<>();
        for (Target target : fleet.targets()) {
            long[] calls = callsByAccountRegion.computeIfAbsent(target.accountRegion(), key -> new long[2]);
            if (target.kind() == TargetKind.ASG) {
                calls[0] += writesPerTarget;
            } else {
                calls[1] += 1 + writesPerTarget;
            }
        }
        Set<String> accounts = fleet.targets().stream().map(Target::account).collect(Collectors.toSet());
        double busiest = config.bucket(ApiFamily.STS).minimumSecondsFor(accounts.size());
        double latency = accounts.size() * mean(config, ApiFamily.STS);
        long minimal = accounts.size();
        for (long[] calls : callsByAccountRegion.values()) {
            long asgCalls = calls[0] == 0 ? 0 : calls[0] + 1;
            busiest = Math.max(busiest, config.bucket(ApiFamily.AUTOSCALING).minimumSecondsFor(asgCalls));
            busiest = Math.max(busiest, config.bucket(ApiFamily.EKS).minimumSecondsFor(calls[1]));
            latency += asgCalls * mean(config, ApiFamily.AUTOSCALING) + calls[1] * mean(config, ApiFamily.EKS);
            minimal += asgCalls + calls[1];
        }
        return new PhysicalLimit(busiest, latency / inFlight, slowestChain(fleet, config, writesPerTarget), minimal);
    }

    private static double slowestChain(SimulatedFleet fleet, FleetConfig config, int writesPerTarget) {
        double slowest = 0;
        for (TargetKind kind : fleet.targets().stream().map(Target::kind).collect(Collectors.toSet())) {
            ApiFamily family = kind == TargetKind.ASG ? ApiFamily.AUTOSCALING : ApiFamily.EKS;
            slowest = Math.max(slowest, mean(config, ApiFamily.STS) + (1 + writesPerTarget) * mean(config, family));
        }
        return slowest;
    }

    private static double mean(FleetConfig config, ApiFamily family) {
        return config.latency(family).mean().toNanos() / 1e9;
    }
}
