package dev.offhours.reconciler.inventory;

import static dev.offhours.reconciler.inventory.MotoSpokes.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.work.Target;
import dev.offhours.store.dynamodb.DynamoDbControlStore;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Discovery against three spoke accounts in moto, reached through real AssumeRole, into both inventory stores. */
@ExtendWith(MotoExtension.class)
class DiscoveryTest {

    static final String A = "111111111111";
    static final String B = "222222222222";
    static final String C = "333333333333";
    static final String SCHEDULE = "office-hours";
    static final Capacity AWAKE = new Capacity(1, 2, 4);
    static final Capacity SAVED = new Capacity(2, 3, 6);
    static final Instant START = Instant.parse("2026-03-02T17:00:00Z");
    /** C is onboarded in two regions; the second holds nothing. */
    static final AccountRegistry REGISTRY = new AccountRegistry(List.of(
            new Account(A, "alpha", List.of(REGION), List.of()),
            new Account(B, "bravo", List.of(REGION), List.of()),
            new Account(C, "charlie", List.of(REGION, "eu-west-1"), List.of("late"))));

    @TempDir
    Path directory;
    private MotoSpokes spokes;
    private EmbeddedHubStore embedded;
    private DynamoDbClient dynamo;
    private InventoryStore inventory;
    private ControlStore control;

    @AfterEach
    void close() {
        if (spokes != null) {
            spokes.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @Test
    void fillsTheInventoryWithTheTaggedResourcesOfEveryAccountAndCorrectsNothingTheSecondTime(MotoServer moto) {
        Discovery discovery = discovery(moto, List.of(), List.of(), embeddedStores());
        Fleet fleet = Fleet.create(spokes);

        DiscoveryReport first = discovery.run();

        assertThat(keysOf(A)).containsExactlyInAnyOrderElementsOf(fleet.optedIn(A));
        assertThat(keysOf(B)).containsExactlyInAnyOrderElementsOf(fleet.optedIn(B));
        assertThat(keysOf(C)).containsExactlyInAnyOrderElementsOf(fleet.optedIn(C));
        assertThat(inventory.get(fleet.web(A))).hasValueSatisfying(item -> {
            assertThat(item.schedule()).isEqualTo(SCHEDULE);
            assertThat(item.current()).isEqualTo(AWAKE);
            assertThat(item.savedAwake()).isNull();
            assertThat(item.state()).isEqualTo(TargetState.AWAKE);
            assertThat(item.source()).isEqualTo(InventoryItem.DISCOVERY);
            assertThat(item.tags()).containsEntry("team", "web");
        });
        assertThat(List.of(fleet.sleepingAsg, fleet.sleepingNodegroup)).allSatisfy(target ->
                assertThat(inventory.get(target)).hasValueSatisfying(item -> {
                    assertThat(item.savedAwake()).isEqualTo(SAVED);
                    assertThat(item.state()).isEqualTo(TargetState.ASLEEP);
                }));
        assertThat(first.accountsOk()).isEqualTo(3);
        assertThat(first.accountRegionsOk()).isEqualTo(4);
        assertThat(first.added()).isEqualTo(fleet.optedInCount()).isEqualTo(first.corrected());
        assertThat(health(B, REGION)).satisfies(h -> {
            assertThat(h.status()).isEqualTo(HealthStatus.OK);
            assertThat(h.correctedItems()).isEqualTo(4);
            assertThat(h.lastDiscoveryAt()).isAfter(START);
            assertThat(h.lastError()).isNull();
        });

        DiscoveryReport second = discovery.run();

        assertThat(second.corrected()).isZero();
        assertThat(second.unchanged()).isEqualTo(fleet.optedInCount());
        assertThat(control.accountHealth()).hasSize(4).allSatisfy(h -> assertThat(h.correctedItems()).isZero());
    }

    @Test
    void anAccountWhoseRoleCannotBeAssumedIsDegradedWhileAllOthersFillAndItsKnownItemsStay(MotoServer moto) {
        DeniedRole denied = new DeniedRole(C);
        Discovery discovery = discovery(moto, List.of(), List.of(denied), dynamoStores(moto));
        Fleet fleet = Fleet.create(spokes);
        InventoryItem known = knownItem(Target.asg(C, REGION, "legacy"));
        inventory.upsert(known);

        DiscoveryReport report = discovery.run();

        assertThat(keysOf(A)).containsExactlyInAnyOrderElementsOf(fleet.optedIn(A));
        assertThat(keysOf(B)).containsExactlyInAnyOrderElementsOf(fleet.optedIn(B));
        assertThat(inventory.allByAccountRegion(C, REGION)).containsExactly(known);
        assertThat(List.of(health(C, REGION), health(C, "eu-west-1"))).allSatisfy(h -> {
            assertThat(h.status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(h.lastError()).contains("AccessDenied", "arn:aws:iam::" + C + ":role/offhours-spoke")
                    .doesNotContain(MotoSpokes.EXTERNAL_ID);
            assertThat(h.lastDiscoveryAt()).isAfter(START);
        });
        assertThat(health(A, REGION).status()).isEqualTo(HealthStatus.OK);
        assertThat(report.accountsOk()).isEqualTo(2);
        assertThat(report.accountsDegraded()).isEqualTo(1);
        assertThat(report.errors()).extracting(DiscoveryReport.AccountRegionError::region)
                .containsExactlyInAnyOrder(REGION, "eu-west-1");
        assertThat(denied.calls.get()).as("AssumeRole calls for the denied account").isBetween(1, 2);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("Auto Scaling refuses the spoke role", FailingSpoke.accessDenied(C), "AccessDenied"),
                Arguments.of("Auto Scaling throttles beyond the retries", FailingSpoke.throttling(C), "Throttling"),
                Arguments.of("EKS times out", FailingSpoke.timeout(C), "ApiCallAttemptTimeoutException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailingAccountIsIsolatedWhateverTheFailure(String name, FailingSpoke failure, String code, MotoServer moto) {
        Discovery discovery = discovery(moto, List.of(failure), List.of(), embeddedStores());
        failure.aimAt(spokes.credentials);
        Fleet fleet = Fleet.create(spokes);
        InventoryItem known = knownItem(Target.asg(C, REGION, "legacy"));
        inventory.upsert(known);

        DiscoveryReport report = discovery.run();

        assertThat(keysOf(A)).containsExactlyInAnyOrderElementsOf(fleet.optedIn(A));
        assertThat(keysOf(B)).containsExactlyInAnyOrderElementsOf(fleet.optedIn(B));
        assertThat(inventory.allByAccountRegion(C, REGION)).containsExactly(known);
        assertThat(health(C, REGION).status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health(C, REGION).lastError()).contains(code).contains(C);
        assertThat(report.accountsOk()).isEqualTo(2);
    }

    @Test
    void resourcesThatLoseTheirTagLeaveTheInventoryAndASleepingOneIsReportedUntilItOptsInAgain(MotoServer moto) {
        Discovery discovery = discovery(moto, List.of(), List.of(), dynamoStores(moto));
        Fleet fleet = Fleet.create(spokes);
        discovery.run();
        spokes.removeAsgTag(fleet.web(A), OffhoursTags.SCHEDULE);
        spokes.deleteNodegroup(fleet.nodegroup(A));
        spokes.removeAsgTag(fleet.sleepingAsg, OffhoursTags.SCHEDULE);
        spokes.resizeAsg(fleet.web(C), new Capacity(1, 3, 4));

        DiscoveryReport report = discovery.run();

        assertThat(keysOf(A)).isEmpty();
        assertThat(inventory.get(fleet.sleepingAsg)).isEmpty();
        assertThat(inventory.get(fleet.web(C))).hasValueSatisfying(item ->
                assertThat(item.current()).isEqualTo(new Capacity(1, 3, 4)));
        assertThat(report.removed()).isEqualTo(3);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.orphanedAsleep()).singleElement().satisfies(orphan -> {
            assertThat(orphan.target()).isEqualTo(fleet.sleepingAsg);
            assertThat(orphan.savedAwake()).isEqualTo(SAVED);
            assertThat(orphan.sentence()).contains("restore it to " + SAVED);
        });
        assertThat(health(A, REGION).correctedItems()).isEqualTo(2);
        assertThat(health(B, REGION).correctedItems()).isEqualTo(1);
        assertThat(health(C, REGION).correctedItems()).isEqualTo(1);
        assertThat(control.orphans()).singleElement().satisfies(orphan -> {
            assertThat(orphan.target()).isEqualTo(fleet.sleepingAsg);
            assertThat(orphan.savedAwake()).isEqualTo(SAVED);
            assertThat(orphan.reportedBy()).isEqualTo(OrphanReport.DISCOVERY);
        });
        assertThat(discovery.run().corrected()).isZero();
        assertThat(control.orphans()).as("still left asleep").hasSize(1);

        spokes.tagAsg(fleet.sleepingAsg, OffhoursTags.SCHEDULE, SCHEDULE);
        assertThat(discovery.run().added()).isEqualTo(1);
        assertThat(control.orphans()).as("opted in again: offhours wakes it").isEmpty();
    }

    private Discovery discovery(MotoServer moto, List<ExecutionInterceptor> spoke, List<ExecutionInterceptor> sts,
                                Runnable stores) {
        stores.run();
        spokes = new MotoSpokes(moto, spoke, sts);
        return new Discovery(spokes.listing, inventory, control, () -> REGISTRY, AsleepShapes.ZERO,
                new Discovery.Settings(4, 2), new StepClock(START));
    }

    private Runnable embeddedStores() {
        return () -> {
            embedded = EmbeddedHubStore.open(directory.resolve("hub.mv.db"));
            inventory = embedded.inventory();
            control = embedded.control();
        };
    }

    private Runnable dynamoStores(MotoServer moto) {
        return () -> {
            HubTableDefinitions.TableNames names = HubTableDefinitions.TableNames.withPrefix("discovery-test-");
            dynamo = moto.client(DynamoDbClient.builder());
            HubTableDefinitions.createAll(dynamo, names);
            inventory = new DynamoDbInventoryStore(dynamo, names.inventory());
            // orphan reports of the run (at START and a few seconds after) are current at START
            control = new DynamoDbControlStore(dynamo, names.control(), Clock.fixed(START, ZoneOffset.UTC));
        };
    }

    private Set<String> keysOf(String account) {
        return Set.copyOf(inventory.allByAccountRegion(account, REGION).stream().map(InventoryItem::targetKey).toList());
    }

    private AccountHealth health(String account, String region) {
        return control.accountHealth(account, region).orElseThrow(() -> new AssertionError("no health for " + account + " " + region));
    }

    private static InventoryItem knownItem(Target target) {
        return new InventoryItem(target, SCHEDULE, Map.of(OffhoursTags.SCHEDULE, SCHEDULE), AWAKE, null,
                TargetState.AWAKE, null, InventoryItem.DISCOVERY, 5, START.minusSeconds(3600));
    }
}
