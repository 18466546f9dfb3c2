package dev.offhours.reconciler.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.AppliedIntent;
import dev.offhours.testsupport.store.InMemoryAwakeCapacityStore;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.quota.LaunchShape;
import dev.offhours.core.quota.OnBreach;
import dev.offhours.core.quota.Purchase;
import dev.offhours.core.quota.QuotaClass;
import dev.offhours.core.quota.QuotaKey;
import dev.offhours.core.quota.QuotaReadings;
import dev.offhours.core.quota.QuotaSource;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.converge.WakeGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The pre-flight's side of the pass, with the spoke reads faked: an account it cannot read or that does not answer in
 * time never holds the wave back, and a refusal leaves the record and the intent mark the worker would have left.
 */
class WakePreflightTest {

    private static final Instant NOW = Instant.parse("2026-03-03T06:30:00Z");
    private static final ScheduleIntent WAKE = ScheduleIntent.first("office", PowerState.AWAKE, NOW, "Transition",
            "f", "main@sha1:abc");
    private static final QuotaKey STANDARD = new QuotaKey(QuotaClass.STANDARD, Purchase.ON_DEMAND);

    private final InMemoryOperationStore operations = new InMemoryOperationStore();
    private final InMemoryAwakeCapacityStore ledger = new InMemoryAwakeCapacityStore();
    private final QuotaFindings findings = new QuotaFindings(Clock.fixed(NOW, ZoneOffset.UTC));

    /** Two m5.2xlarge per group, 16 vCPUs free: the first by key fits, the rest do not. */
    private static final class FixedSource implements QuotaSource {
        final Map<String, CountDownLatch> hang = new HashMap<>();

        @Override
        public Map<String, LaunchShape> launchShapes(String account, String region, List<Target> targets) {
            if (account.equals("999999999999")) {
                throw new IllegalStateException("cannot reach the account");
            }
            await(account);
            Map<String, LaunchShape> shapes = new HashMap<>();
            targets.forEach(t -> shapes.put(t.key(), LaunchShape.onDemand(List.of("m5.2xlarge"))));
            return shapes;
        }

        @Override
        public QuotaReadings readings(String account, String region, Set<String> types) {
            return new QuotaReadings(Map.of("m5.2xlarge", 8), Map.of(STANDARD, 100.0), Map.of(STANDARD, 84.0));
        }

        private void await(String account) {
            CountDownLatch latch = hang.get(account);
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("cancelled");
                }
            }
        }
    }

    private static InventoryItem asleep(String account, String name) {
        return new InventoryItem(Target.asg(account, "eu-west-1", name), "office", Map.of(), new Capacity(0, 0, 0),
                new Capacity(1, 2, 4), TargetState.ASLEEP, null, InventoryItem.DISCOVERY, 1, NOW);
    }

    @Test
    void anAccountThatFailsOrHangsIsSentUncheckedWhileTheOthersAreJudged() {
        FixedSource source = new FixedSource();
        source.hang.put("222222222222", new CountDownLatch(1));
        List<InventoryItem> wave = List.of(asleep("111111111111", "a"), asleep("111111111111", "b"),
                asleep("222222222222", "c"), asleep("999999999999", "d"));
        try (WakePreflight preflight = new WakePreflight(source, OnBreach.WAKE_IN_PRIORITY_ORDER, operations, ledger,
                findings, Duration.ofDays(90), Duration.ofMillis(300))) {
            WakeGate.Plan plan = preflight.plan(WAKE, wave, NOW);

            assertThat(plan.refusals()).containsOnlyKeys(wave.get(1).targetKey());
            assertThat(findings.current()).extracting(QuotaFinding::account).containsExactly("111111111111");
        }
    }

    @Test
    void aRefusalLeavesAFailedRecordAndAFinishedMarkSoThePassNeverSendsIt() {
        InventoryItem item = asleep("111111111111", "b");
        try (WakePreflight preflight = new WakePreflight(new FixedSource(), OnBreach.WAKE_IN_PRIORITY_ORDER,
                operations, ledger, findings, Duration.ofDays(90), Duration.ofMinutes(1))) {
            assertThat(preflight.refuse(WAKE, item, "QuotaExceeded: waking needs 16 vCPUs of L-1216C47A", NOW))
                    .isTrue();
        }
        OperationRecord record = operations.find(new OperationRecord.Key("office", NOW, item.targetKey()))
                .orElseThrow();
        assertThat(record.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(record.errorCode()).isEqualTo("QuotaExceeded");
        assertThat(record.message()).isEqualTo("QuotaExceeded: waking needs 16 vCPUs of L-1216C47A");
        assertThat(record.after()).isNull();
        AppliedIntent mark = ledger.intent(item.target()).orElseThrow();
        assertThat(mark.transition()).isEqualTo(NOW);
        assertThat(mark.outcome()).isEqualTo(OperationStatus.FAILED);
    }
}
