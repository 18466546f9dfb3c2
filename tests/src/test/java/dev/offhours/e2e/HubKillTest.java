package dev.offhours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.time.PowerState;
import dev.offhours.reconciler.converge.process.FleetOnMoto;
import dev.offhours.reconciler.converge.process.HubProcess;
import dev.offhours.reconciler.converge.process.HubProcessConfig;
import dev.offhours.reconciler.converge.process.SchedulesRepository;
import dev.offhours.simulator.Target;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill -9 of a hub process in the middle of a 2,000-target first pass: the hub runs in a child JVM on moto
 * (DynamoDB control and inventory tables, SQS work queue), is killed once the queue holds some but not all of the
 * work items, and a new hub process takes over when the dead one's lease runs out. The worker (this JVM, the
 * simulator fleet) then has to leave every target asleep with exactly one final record for the transition.
 * Pages of 250 items stretch the pass over eight steps, each saved as a cursor; a page goes out as three account
 * bundles (an account's 100 groups in one message), and the kill comes once the second page is on the queue, so that the restarted hub has both a saved cursor and a half-sent page to deal with; a 20 s
 * lease lets it take over quickly. Ticks of 10 s keep the hub's counting passes (every one a query per page, which
 * moto answers by reading the whole table) from starving the worker of moto's one core.
 */
@ExtendWith(MotoExtension.class)
class HubKillTest {

    private static final String SCHEDULE = "kill-test";
    private static final int ACCOUNTS = 20;
    private static final int ASGS_PER_ACCOUNT = 100;
    private static final Capacity ASLEEP = new Capacity(0, 0, 0);

    @TempDir
    Path dir;

    @Test
    @Timeout(1200)
    void aHubKilledMidDispatchAndRestartedLeavesEveryTargetAsleepWithExactlyOneFinalRecord(MotoServer moto)
            throws InterruptedException {
        Clock clock = Clock.systemUTC();
        Instant start = clock.instant();
        FleetOnMoto.Shape shape = new FleetOnMoto.Shape(ACCOUNTS, ASGS_PER_ACCOUNT, 0, List.of(SCHEDULE), 11);
        try (FleetOnMoto fleet = new FleetOnMoto(moto, "kill-", shape, start);
             SchedulesRepository repository = SchedulesRepository.create(dir.resolve("schedules"))) {
            assertThat(fleet.targets()).hasSize(2_000);
            repository.accounts(accountIds(), FleetOnMoto.REGION);
            // awake only two to three hours from now: the schedule went to sleep less than a day ago
            LocalTime from = LocalTime.ofInstant(start.plus(Duration.ofHours(2)), ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MINUTES);
            repository.schedule(new SchedulesRepository.Spec(SCHEDULE,
                    List.of(new SchedulesRepository.Period(from, from.plusHours(1))), List.of(), 0, 0));
            repository.commit("the kill-test schedule");

            HubProcessConfig config = fleet.hubConfig("hub-first", moto.endpoint(), moto.endpoint(),
                    repository.root(), dir, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMinutes(5), 250,
                    Duration.ofSeconds(1));
            Path log = dir.resolve("hub.log");
            try (HubProcess first = HubProcess.start(config, log)) {
                await(Duration.ofSeconds(60), Duration.ofMillis(20), () -> fleet.queueVisible() > 3,
                        "the first hub sends work items");
                first.kill();
            }
            int sentByTheDeadHub = fleet.queueVisible();
            assertThat(sentByTheDeadHub).as("account bundles on the queue when the hub died").isBetween(1, 19);
            ScheduleIntent interrupted = fleet.intent(SCHEDULE).orElseThrow();
            assertThat(interrupted.firstPassAt()).as("the first pass was cut short").isNull();

            fleet.startWorkers(moto.endpoint(), moto.endpoint(), 8, handler -> handler, clock);
            try (HubProcess restarted = HubProcess.start(config.restartedAs("hub-restarted"), log)) {
                // polled once a second: moto serves everyone on one core
                await(Duration.ofMinutes(15), Duration.ofSeconds(1), () -> fleet.intent(SCHEDULE).map(ScheduleIntent::converged)
                        .orElse(false), "the restarted hub counts every target converged; see " + log);
            }

            ScheduleIntent intent = fleet.intent(SCHEDULE).orElseThrow();
            assertThat(intent.since()).isEqualTo(interrupted.since());
            assertThat(intent.state()).isEqualTo(PowerState.ASLEEP);
            assertThat(intent.progress().converged()).isEqualTo(2_000);
            List<String> wrong = new ArrayList<>();
            Map<String, List<OperationRecord>> records = fleet.recordsByTarget();
            Map<String, InventoryItem> inventory = fleet.inventoryByTarget(List.of(SCHEDULE));
            for (Target target : fleet.targets()) {
                if (!fleet.capacity(target).equals(ASLEEP)) {
                    wrong.add(FleetOnMoto.key(target) + " is " + fleet.capacity(target));
                }
                List<OperationRecord> finals = records.getOrDefault(FleetOnMoto.key(target), List.of()).stream()
                        .filter(record -> record.status().isFinal()).toList();
                if (finals.size() != 1 || !finals.get(0).transition().equals(intent.since())) {
                    wrong.add(FleetOnMoto.key(target) + " has final records " + finals.stream()
                            .map(r -> r.transition() + " " + r.status()).toList());
                }
                Optional<Capacity> saved = Optional.ofNullable(inventory.get(FleetOnMoto.key(target)))
                        .map(InventoryItem::savedAwake);
                if (!saved.equals(Optional.of(fleet.original(target)))) {
                    wrong.add(FleetOnMoto.key(target) + " saved awake " + saved + ", was " + fleet.original(target));
                }
            }
            assertThat(wrong).as("targets not asleep, without exactly one final record, or with a lost awake"
                    + " capacity").isEmpty();
        }
    }

    private static List<String> accountIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(Long.toString(FleetOnMoto.FIRST_ACCOUNT + i));
        }
        return ids;
    }

    private static void await(Duration timeout, Duration every, BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(every.toMillis());
        }
    }
}
