package dev.offhours.reconciler.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.TargetKind;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.worker.SpokeClientFactory;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery over a few dozen in-process simulated accounts in two regions, three of them unreachable. */
class DiscoverySimulatedFleetTest {

    private static final List<String> REGIONS = List.of("eu-central-1", "eu-west-1");
    private static final int ACCOUNTS = 30;

    @TempDir
    Path directory;
    private SimulatedFleet fleet;
    private EmbeddedHubStore hub;
    private SpokeClients clients;
    private Discovery discovery;
    private Set<String> denied;

    @BeforeEach
    void setUp() {
        fleet = SimulatedFleet.builder().seed(5).noLatency().accounts(ACCOUNTS).regions(REGIONS.toArray(String[]::new))
                .asgsPerAccountRegion(3).untaggedAsgsPerAccountRegion(1).nodegroupsPerAccountRegion(2)
                .roleName("offhours-spoke").externalId("offhours").deniedAccounts(3).build();
        denied = fleet.deniedAccounts();
        hub = EmbeddedHubStore.open(directory.resolve("hub.mv.db"));
        SpokeClientFactory factory = SpokeClientFactory.of(fleet::autoScaling, fleet::eks, fleet::autoScalingAsync, fleet::eksAsync);
        Pipelines pipelines = new Pipelines(ResilienceSettings.defaults().withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5)));
        RoleCredentialsCache credentials = new RoleCredentialsCache(fleet.sts(),
                RoleCredentialsCache.Settings.of("offhours-spoke", "offhours"), Clock.systemUTC(), pipelines.stsGuard());
        clients = new SpokeClients(factory, credentials);
        AccountRegistry registry = new AccountRegistry(fleet.accounts().stream()
                .map(id -> new Account(id, "a-" + id, REGIONS, List.of())).toList());
        discovery = new Discovery(new SpokeListing(clients, pipelines), hub.inventory(), hub.control(), () -> registry,
                AsleepShapes.ZERO, new Discovery.Settings(8, 10), new StepClock(Instant.parse("2026-03-02T17:00:00Z")));
    }

    @AfterEach
    void tearDown() {
        clients.close();
        hub.close();
    }

    @Test
    void inventoriesEveryReachableAccountRegionAndMarksTheUnreachableOnesDegraded() {
        DiscoveryReport report = discovery.run();

        Set<String> expected = fleet.targets().stream().filter(t -> !denied.contains(t.account()))
                .map(DiscoverySimulatedFleetTest::key).collect(Collectors.toSet());
        Set<String> inventoried = fleet.accountRegions().stream()
                .flatMap(ar -> hub.inventory().allByAccountRegion(ar.account(), ar.region()).stream())
                .map(InventoryItem::targetKey).collect(Collectors.toSet());
        assertThat(denied).hasSize(3);
        assertThat(inventoried).hasSize((ACCOUNTS - 3) * REGIONS.size() * 5).isEqualTo(expected);
        assertThat(report.accountsOk()).isEqualTo(ACCOUNTS - 3);
        assertThat(report.accountsDegraded()).isEqualTo(3);
        assertThat(report.accountRegionsDegraded()).isEqualTo(3 * REGIONS.size());
        assertThat(hub.control().accountHealth()).hasSize(ACCOUNTS * REGIONS.size())
                .filteredOn(h -> h.status() == HealthStatus.DEGRADED)
                .extracting(AccountHealth::account).containsOnlyElementsOf(denied);
    }

    @Test
    void neverRegressesAnItemThatANewerEventWroteAndRewritesNothingUnchanged() {
        discovery.run();
        Target target = fleet.targets().stream().filter(t -> !denied.contains(t.account())).findFirst()
                .map(DiscoverySimulatedFleetTest::coreTarget).orElseThrow();
        InventoryItem discovered = hub.inventory().get(target).orElseThrow();
        InventoryItem fromEvent = new InventoryItem(target, discovered.schedule(), discovered.tags(),
                new Capacity(0, 0, discovered.target().kind() == TargetKind.ASG ? 0 : 1), new Capacity(1, 2, 3),
                TargetState.ASLEEP, Instant.parse("2026-03-03T00:00:00Z"), InventoryItem.EVENT,
                Instant.parse("2026-03-03T00:00:00Z").toEpochMilli(), Instant.parse("2026-03-03T00:00:00Z"));
        hub.inventory().upsert(fromEvent);

        DiscoveryReport second = discovery.run();

        assertThat(hub.inventory().get(target)).contains(fromEvent);
        assertThat(second.superseded()).isEqualTo(1);
        assertThat(second.corrected()).isZero();
        assertThat(second.unchanged()).isEqualTo(second.itemsFound() - 1);
    }

    private static Target coreTarget(dev.offhours.simulator.Target t) {
        return t.cluster() == null ? Target.asg(t.account(), t.region(), t.name())
                : Target.nodegroup(t.account(), t.region(), t.cluster(), t.name());
    }

    private static String key(dev.offhours.simulator.Target t) {
        return coreTarget(t).key();
    }
}
