package dev.offhours.bench;

import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.work.TargetKind;
import dev.offhours.reconciler.events.InventoryUpdater;
import dev.offhours.reconciler.events.SpokeEventParser;
import dev.offhours.reconciler.events.UpdaterStats;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.inventory.StateRule;
import dev.offhours.reconciler.inventory.SpokeListing;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.simulator.AccountRegion;
import dev.offhours.simulator.ApiFamily;
import dev.offhours.simulator.Capacity;
import dev.offhours.simulator.ManualTime;
import dev.offhours.simulator.MetricsSnapshot;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.simulator.Target;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Drives one {@link DayOfChanges} through the real event path in simulated time: the simulator changes as the day
 * says, each event is sent to an embedded ElasticMQ events queue when it reaches the hub (SendMessageBatch of up to
 * 10), and the real {@link InventoryUpdater} consumes it on this thread ({@code poll(0)} until the second's messages
 * are in, then {@code flushDueNow()} once the hand-moved clock has advanced a second), writing to an embedded hub
 * store seeded at 00:00 with what a discovery would find. The hub's spoke calls are the simulator's counts of the Auto Scaling
 * and EKS families from 00:00 on: the owners' and scaling policies' changes are made without counted calls.
 */
final class EventDay {

    /** What the day cost and left behind. */
    record Result(long spokeCalls, long assumeRoleCalls, long messagesSent, UpdaterStats stats,
                  InventoryCheck.Mismatch atEnd,
                  List<Integer> settledWrongByHour, String firstSettledWrong, Duration wall) {
    }

    private static final int DAY_SECONDS = 24 * 3600;

    private final SimulatedFleet fleet;
    private final ManualTime time;
    private final Clock clock;
    private final RoleCredentialsCache.Settings roles;
    private final InventoryCheck check;

    EventDay(SimulatedFleet fleet, ManualTime time) {
        this.fleet = fleet;
        this.time = time;
        this.clock = time.asClock();
        this.roles = RoleCredentialsCache.Settings.of(fleet.config().roleName(), fleet.config().externalId());
        this.check = new InventoryCheck(fleet);
    }

    /** The caller offhours' own CloudTrail events name: the hub's spoke role and session. */
    SpokeEventJson.Caller offhours() {
        return new SpokeEventJson.Caller(roles.roleName(), roles.sessionName());
    }

    /** Puts every target to sleep as last night's transition left it (awake capacity in its tag); returns those. */
    Map<Target, Capacity> lastNight() {
        Map<Target, Capacity> awake = new HashMap<>();
        for (Target target : fleet.targets()) {
            Capacity capacity = fleet.capacity(target);
            awake.put(target, capacity);
            recreate(target, DayOfChanges.asleep(target), DayOfChanges.tags(capacity));
        }
        return awake;
    }

    /** Untagged ASGs in random account-regions that opt in during the day. */
    Map<Target, Capacity> newcomers(int count, long seed) {
        Random random = new Random(seed);
        List<AccountRegion> regions = fleet.accountRegions();
        Map<Target, Capacity> added = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            AccountRegion where = regions.get(random.nextInt(regions.size()));
            Capacity capacity = new Capacity(1, 2 + random.nextInt(3), 8);
            added.put(fleet.addAsg(where.account(), where.region(), String.format("newcomer-%02d", i), capacity,
                    Map.of()), capacity);
        }
        return added;
    }

    Result run(DayOfChanges.Day day) throws Exception {
        Path directory = Files.createTempDirectory("event-inventory-day");
        long started = System.nanoTime();
        try (EmbeddedElasticMq mq = EmbeddedElasticMq.start(); SqsClient sqs = mq.newClient();
             EmbeddedHubStore store = EmbeddedHubStore.open(directory.resolve("hub.mv.db"));
             SpokeClients clients = EventInventoryBenchmark.clients(fleet, clock)) {
            EmbeddedElasticMq.QueuePair queues = mq.createQueueWithDeadLetter("events", 5, 600);
            AccountRegistry registry = registry();
            SpokeListing listing = new SpokeListing(clients, new Pipelines(ResilienceSettings.defaults()));
            seed(store);
            fleet.metrics().reset();
            long sent;
            try (InventoryUpdater updater = new InventoryUpdater(sqs, InventoryUpdater.Settings.of(
                    queues.workQueueUrl(), queues.deadLetterQueueUrl()), new SpokeEventParser(roles.roleName()), listing, store.inventory(), store.control(), () -> registry,
                    AsleepShapes.ZERO, clock)) {
                sent = drive(day, sqs, queues.workQueueUrl(), updater, store);
                MetricsSnapshot calls = fleet.metrics().snapshot();
                Map<ApiFamily, Long> byFamily = calls.callsByFamily();
                long spoke = byFamily.getOrDefault(ApiFamily.AUTOSCALING, 0L) + byFamily.getOrDefault(ApiFamily.EKS, 0L);
                return new Result(spoke, calls.assumeRoleCalls(), sent, updater.stats(),
                        check.all(store.inventory()), check.settledWrongByHour(), check.firstSettledWrong(),
                        Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    /**
     * What a discovery at 00:00 would write: every opted-in resource as the simulator holds it. (The real discovery
     * cannot run here: in manual time the simulator's token buckets do not refill while it retries in real time.)
     */
    private void seed(EmbeddedHubStore store) {
        long version = clock.millis();
        for (Target target : fleet.targets()) {
            Map<String, String> tags = fleet.tags(target);
            dev.offhours.core.capacity.Capacity current = core(fleet.capacity(target));
            String awakeTag = tags.get(OffhoursTags.AWAKE_CAPACITY);
            dev.offhours.core.capacity.Capacity saved = awakeTag == null ? null : OffhoursTags.parseCapacity(awakeTag);
            store.inventory().upsert(new InventoryItem(core(target), tags.get(OffhoursTags.SCHEDULE), tags, current,
                    saved, StateRule.stateOf(target.kind(), current, saved, AsleepCapacity.ZERO), null,
                    InventoryItem.DISCOVERY, version, clock.instant()));
        }
    }

    /** Second by second: changes, worker outcomes and deliveries due, then the updater's turn. */
    private long drive(DayOfChanges.Day day, SqsClient sqs, String queueUrl, InventoryUpdater updater,
                       EmbeddedHubStore store) {
        List<DayOfChanges.Step> steps = day.steps();
        int next = 0;
        long sent = 0;
        List<String> bodies = new ArrayList<>();
        for (int second = 1; second <= DAY_SECONDS + 600; second++) {
            time.advance(Duration.ofSeconds(1));
            while (next < steps.size() && !steps.get(next).at().isAfter(clock.instant())) {
                DayOfChanges.Step step = steps.get(next++);
                if (step instanceof DayOfChanges.Mutation mutation) {
                    mutate(mutation);
                } else if (step instanceof DayOfChanges.Outcome outcome) {
                    record(outcome, store);
                } else if (step instanceof DayOfChanges.Delivery delivery) {
                    bodies.add(delivery.body().get());
                }
            }
            if (!bodies.isEmpty()) {
                send(sqs, queueUrl, bodies);
                sent += bodies.size();
                receive(updater, bodies.size());
                bodies.clear();
            }
            updater.flushDueNow();
            if (second % 3600 == 0 && second <= DAY_SECONDS) {
                check.settled(store.inventory(), clock.instant());
            }
        }
        return sent;
    }

    private void mutate(DayOfChanges.Mutation mutation) {
        check.changed(mutation);
        if (mutation.removed()) {
            fleet.remove(mutation.target());
        } else if (mutation.tags() != null) {
            recreate(mutation.target(), mutation.capacity(), mutation.tags());
        } else {
            fleet.setCapacity(mutation.target(), mutation.capacity());
        }
    }

    /** As SpokeWorker does after its call: the awake capacity saved first, then the outcome. */
    private void record(DayOfChanges.Outcome outcome, EmbeddedHubStore store) {
        String key = core(outcome.target()).key();
        if (outcome.savedAwake() != null) {
            store.inventory().save(key, core(outcome.savedAwake()));
        }
        store.inventory().recordOutcome(key, outcome.state(), core(outcome.current()), clock.instant());
    }

    private static void send(SqsClient sqs, String queueUrl, List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from))
                        .messageBody(bodies.get(i)).build());
            }
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("ElasticMQ refused " + response.failed().size() + " events: "
                        + response.failed().get(0).message());
            }
        }
    }

    private static void receive(InventoryUpdater updater, int expected) {
        int received = 0;
        int emptyPolls = 0;
        while (received < expected && emptyPolls < 20) {
            int count = updater.poll(0);
            received += count;
            emptyPolls = count == 0 ? emptyPolls + 1 : 0;
        }
        if (received < expected) {
            throw new IllegalStateException("the updater received " + received + " of " + expected
                    + " events sent this second; ElasticMQ should have delivered them all");
        }
    }

    private AccountRegistry registry() {
        Map<String, List<String>> regions = fleet.accountRegions().stream().collect(Collectors.groupingBy(
                AccountRegion::account, Collectors.mapping(AccountRegion::region, Collectors.toList())));
        return new AccountRegistry(regions.entrySet().stream()
                .map(entry -> new Account(entry.getKey(), "a" + entry.getKey(), entry.getValue(), List.of()))
                .toList());
    }

    private void recreate(Target target, Capacity capacity, Map<String, String> tags) {
        if (target.kind() == TargetKind.ASG) {
            fleet.addAsg(target.account(), target.region(), target.name(), capacity, tags);
        } else {
            fleet.addNodegroup(target.account(), target.region(), target.cluster(), target.name(), capacity, tags);
        }
    }

    static dev.offhours.core.work.Target core(Target target) {
        return target.kind() == TargetKind.ASG
                ? dev.offhours.core.work.Target.asg(target.account(), target.region(), target.name())
                : dev.offhours.core.work.Target.nodegroup(target.account(), target.region(), target.cluster(),
                target.name());
    }

    static dev.offhours.core.capacity.Capacity core(Capacity capacity) {
        return new dev.offhours.core.capacity.Capacity(capacity.min(), capacity.desired(), capacity.max());
    }
}
