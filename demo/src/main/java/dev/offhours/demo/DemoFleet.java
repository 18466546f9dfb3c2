package dev.offhours.demo;

import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.reconciler.quota.QuotaClientFactory;
import dev.offhours.reconciler.service.SpokeAccess;
import dev.offhours.simulator.Capacity;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.simulator.Target;
import dev.offhours.worker.SpokeClientFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The demo's simulated AWS: {@code accounts} spoke accounts in one region, each with ASGs and EKS node groups tagged
 * for {@code demo-fleet}, AWS's rules, rate limits and latencies. The template's example accounts exist too (with one
 * untagged ASG each), so that discovery finds every onboarded account healthy.
 */
final class DemoFleet {

    static final String REGION = "eu-central-1";
    static final String ROLE = "offhours-spoke";
    static final long FIRST_ACCOUNT = 100_000_000_000L;

    private final SimulatedFleet fleet;
    private final Map<Target, Capacity> awake;

    private DemoFleet(SimulatedFleet fleet) {
        this.fleet = fleet;
        this.awake = fleet.targets().stream().collect(Collectors.toMap(Function.identity(), fleet::capacity));
    }

    static List<String> accountIds(int accounts) {
        return IntStream.range(0, accounts).mapToObj(i -> String.format("%012d", FIRST_ACCOUNT + i)).toList();
    }

    /** About {@code targets} targets spread over {@code accounts} accounts, a little over half of them ASGs. */
    static DemoFleet build(int targets, int accounts, String externalId, AccountRegistry otherAccounts) {
        int perAccount = Math.max(1, (targets + accounts - 1) / accounts);
        SimulatedFleet fleet = SimulatedFleet.builder()
                .accounts(accounts).firstAccountId(FIRST_ACCOUNT).regions(REGION)
                .asgsPerAccountRegion((perAccount + 1) / 2).nodegroupsPerAccountRegion(perAccount / 2)
                .clustersPerAccountRegion(1).schedule(DemoSchedule.NAME)
                .roleName(ROLE).externalId(externalId)
                .nodegroupUpdateDuration(Duration.ofSeconds(4))
                .build();
        Set<String> demoAccounts = Set.copyOf(accountIds(accounts));
        for (Account account : otherAccounts.accounts()) {
            if (!demoAccounts.contains(account.id())) {
                account.regions().forEach(region -> fleet.addAsg(account.id(), region, "example-untagged",
                        new Capacity(1, 1, 2), Map.of()));
            }
        }
        return new DemoFleet(fleet);
    }

    SpokeAccess access() {
        SpokeClientFactory clients = SpokeClientFactory.of(fleet::autoScaling, fleet::eks, fleet::autoScalingAsync, fleet::eksAsync);
        return new SpokeAccess(fleet.stsAsync(), clients,
                QuotaClientFactory.of(fleet::ec2, fleet::serviceQuotas, fleet::cloudWatch), () -> { });
    }

    /** The tagged targets and their capacity when the demo started. */
    Map<Target, Capacity> awakeCapacities() {
        return awake;
    }

    long asgs() {
        return awake.keySet().stream().filter(t -> t.cluster() == null).count();
    }

    long nodegroups() {
        return awake.size() - asgs();
    }

    /** Targets whose capacity now equals {@code expected(target)}. */
    long matching(Function<Target, Capacity> expected) {
        return awake.keySet().stream().filter(t -> fleet.capacity(t).equals(expected.apply(t))).count();
    }
}
