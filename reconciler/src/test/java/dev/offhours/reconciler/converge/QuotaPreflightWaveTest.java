package dev.offhours.reconciler.converge;

import static dev.offhours.reconciler.converge.SimulatedHub.SCHEDULE;
import static dev.offhours.reconciler.converge.SimulatedHub.accounts;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.quota.LaunchShape;
import dev.offhours.core.quota.OnBreach;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.work.WorkItem;
import dev.offhours.reconciler.quota.QuotaFinding;
import dev.offhours.reconciler.quota.QuotaFindings;
import dev.offhours.reconciler.quota.WakePreflight;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The vCPU quota pre-flight of a morning wake as a user meets it: four Auto Scaling groups of m5.2xlarge (8 vCPUs)
 * went from two instances to their asleep shape of one on Monday evening; on Tuesday morning the account's Standard
 * On-Demand quota (56) has 16 vCPUs free (4 x 8 run, 8 more outside offhours) for a wave that adds 32. Real parts: the fleet simulator's Service Quotas, CloudWatch usage and EC2 instance
 * types through the spoke role, the embedded store, ElasticMQ, the real worker, a clock moved by hand.
 */
@ExtendWith(ElasticMqExtension.class)
class QuotaPreflightWaveTest {

    /** 19:00 in Paris on a Monday in March: the office schedule's sleep; its wake is 07:30 on Tuesday. */
    private static final Instant MONDAY_SLEEP = Instant.parse("2026-03-02T18:00:00Z");
    private static final Instant TUESDAY_WAKE = Instant.parse("2026-03-03T06:30:00Z");
    private static final Schedule OFFICE = office(SCHEDULE, Scope.EVERYWHERE);
    private static final String STANDARD_ON_DEMAND = "L-1216C47A";

    private final SqsClient sqs;
    private final String queueUrl;
    @TempDir
    Path dir;
    private SimulatedHub hub;
    private WakePreflight closeGate;

    QuotaPreflightWaveTest(EmbeddedElasticMq mq, SqsClient sqs) {
        this.sqs = sqs;
        this.queueUrl = mq.createQueue("quota-" + System.nanoTime(), Map.of());
    }

    @AfterEach
    void close() {
        if (closeGate != null) {
            closeGate.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(OnBreach.WARN, 0, 4, 0, "quota warning in 100000000001/eu-west-1: the wave adds 32 "
                        + "vCPUs to L-1216C47A (Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances) but "
                        + "only 16 are free (quota 56, in use 40); woken anyway (quota.onBreach: warn)"),
                // asg-004 carries offhours.dev/wake-priority=1, so it wakes first; then asg-001 by key
                Arguments.of(OnBreach.WAKE_IN_PRIORITY_ORDER, 1, 2, 2, "QuotaExceeded: waking needs 8 vCPUs of "
                        + "L-1216C47A (Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances), 0 left after "
                        + "higher-priority targets; the wave adds 32 vCPUs to L-1216C47A (Running On-Demand Standard "
                        + "(A, C, D, H, I, M, R, T, Z) instances) but only 16 are free (quota 56, in use 40) (account "
                        + "100000000001/eu-west-1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aWakeThatWouldBreachTheQuota(OnBreach onBreach, int unused, int woken, int refused,
                                      String message) {
        hub = new SimulatedHub(dir, sqs, queueUrl, MONDAY_SLEEP.plusSeconds(1), 1, 4);
        List<dev.offhours.simulator.Target> targets = hub.targets();
        targets.forEach(t -> hub.fleet.setLaunch(t, LaunchShape.onDemand(List.of("m5.2xlarge"))));
        dev.offhours.simulator.Target first = targets.get(targets.size() - 1);
        InventoryItem stored = hub.inventory().get(SimulatedHub.core(first)).orElseThrow();
        Map<String, String> tags = new TreeMap<>(stored.tags());
        tags.put(WakePreflight.PRIORITY_TAG, "1");
        hub.inventory().upsert(new InventoryItem(stored.target(), stored.schedule(), tags, stored.current(), null,
                stored.state(), null, InventoryItem.DISCOVERY, stored.version() + 1, MONDAY_SLEEP));

        QuotaFindings findings = new QuotaFindings(hub.clock);
        WakePreflight gate = new WakePreflight(hub.quotaSource(), onBreach, hub.store.operations(), hub.inventory(),
                findings, Duration.ofDays(90), Duration.ofMinutes(1));
        SimulatedHub.Replica replica = hub.replica("hub-a", gate).apply(accounts(1), OFFICE).run();
        closeGate = gate;
        assertThat(hub.work()).as("the sleep is not gated").isEqualTo(4);
        assertThat(findings.current()).isEmpty();

        String account = SimulatedHub.account(0);
        hub.fleet.setQuota(account, SimulatedHub.REGION, STANDARD_ON_DEMAND, 56);
        hub.fleet.addUsage(account, SimulatedHub.REGION, "Standard/OnDemand", 8);
        hub.time.advance(Duration.between(hub.clock.instant(), TUESDAY_WAKE.plusSeconds(1)));
        replica.run();
        List<WorkItem> sent = hub.take();
        assertThat(sent).hasSize(woken);
        sent.forEach(hub::deliver);
        replica.run();

        assertThat(findings.current()).hasSize(1);
        QuotaFinding finding = findings.current().get(0);
        assertThat(finding.breached()).isTrue();
        assertThat(finding.refused()).isEqualTo(refused);
        assertThat(findings.breaches()).as("gauge offhours.quota.breaches").isEqualTo(1);
        assertThat(hub.intent().orElseThrow().progress().failed()).isEqualTo(refused);
        assertThat(hub.intent().orElseThrow().progress().pending()).isZero();

        Map<OperationStatus, Long> byStatus = new TreeMap<>();
        for (dev.offhours.simulator.Target target : targets) {
            OperationRecord record = hub.store.operations().find(new OperationRecord.Key(SCHEDULE, TUESDAY_WAKE,
                    SimulatedHub.core(target).key())).orElseThrow();
            byStatus.merge(record.status(), 1L, Long::sum);
            if (record.status() == OperationStatus.FAILED) {
                assertThat(record.errorCode()).isEqualTo("QuotaExceeded");
                assertThat(hub.capacity(target).desired()).as("left asleep").isEqualTo(1);
            } else {
                assertThat(hub.capacity(target).desired()).as("woken").isEqualTo(2);
            }
        }
        assertThat(byStatus.getOrDefault(OperationStatus.SUCCEEDED, 0L)).isEqualTo(woken);
        assertThat(byStatus.getOrDefault(OperationStatus.FAILED, 0L)).isEqualTo(refused);
        OperationRecord shown = hub.store.operations().find(new OperationRecord.Key(SCHEDULE, TUESDAY_WAKE,
                SimulatedHub.core(onBreach == OnBreach.WARN ? first : targets.get(2)).key())).orElseThrow();
        assertThat(shown.message()).contains(message);
        if (onBreach == OnBreach.WAKE_IN_PRIORITY_ORDER) {
            assertThat(hub.store.operations().find(new OperationRecord.Key(SCHEDULE, TUESDAY_WAKE,
                    SimulatedHub.core(first).key())).orElseThrow().status()).as("the priority-1 group wakes")
                    .isEqualTo(OperationStatus.SUCCEEDED);
        }
        System.out.println("quota finding: " + finding.summary());
        System.out.println("record of " + shown.targetKey() + ": " + shown.status() + " " + shown.errorCode() + " "
                + shown.message());
    }
}
