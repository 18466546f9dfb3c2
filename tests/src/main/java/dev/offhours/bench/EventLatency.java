package dev.offhours.bench;

import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.work.TargetKind;
import dev.offhours.reconciler.events.InventoryUpdater;
import dev.offhours.reconciler.events.SpokeEventParser;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.inventory.Discovery;
import dev.offhours.reconciler.inventory.SpokeListing;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.simulator.ApiFamily;
import dev.offhours.simulator.Capacity;
import dev.offhours.simulator.LatencySpec;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Event-to-inventory latency in real time: owners' changes are made in the simulator (small latencies) and
 * announced by their CloudTrail event, sent to an embedded ElasticMQ events queue at 50 events/s and consumed by the
 * real, running {@link InventoryUpdater} (its default 2 s debounce) into an embedded hub store that a discovery
 * seeded. Two kinds: resizes whose requestParameters carry the sizes (applied without a spoke call), and opt-ins
 * (CreateOrUpdateTags adding the schedule tag to a group the inventory does not hold: one spoke read each).
 * Latency is from sending the event to the inventory's write of the new capacity.
 */
final class EventLatency {

    /** Sorted latencies in milliseconds, per kind, and what the updater counted. */
    record Figures(List<Long> carried, List<Long> read, int carriedSent, int readSent, long deadLettered,
                   long refreshes, long applied) {
    }

    private record Sent(long nanos, boolean read) {
    }

    private static final String REGION = "eu-west-1";
    private static final int SAMPLES = 1200;
    private static final int EVERY_READ = 6;
    private static final int EVENTS_PER_SECOND = 50;

    private EventLatency() {
    }

    static Figures measure() throws Exception {
        SimulatedFleet fleet = SimulatedFleet.builder().seed(13).accounts(10).regions(REGION)
                .asgsPerAccountRegion(50).untaggedAsgsPerAccountRegion(25).nodegroupsPerAccountRegion(50)
                .clustersPerAccountRegion(1)
                .latency(ApiFamily.AUTOSCALING, LatencySpec.uniformMillis(10, 30))
                .latency(ApiFamily.EKS, LatencySpec.uniformMillis(20, 50))
                .latency(ApiFamily.STS, LatencySpec.uniformMillis(5, 20))
                .nodegroupUpdateDuration(Duration.ZERO).build();
        Path directory = Files.createTempDirectory("event-inventory-latency");
        Map<dev.offhours.core.work.Target, dev.offhours.core.capacity.Capacity> expected = new ConcurrentHashMap<>();
        Map<dev.offhours.core.work.Target, Sent> sent = new ConcurrentHashMap<>();
        List<Long> carried = Collections.synchronizedList(new ArrayList<>());
        List<Long> read = Collections.synchronizedList(new ArrayList<>());
        try (EmbeddedElasticMq mq = EmbeddedElasticMq.start(); SqsClient sqs = mq.newClient();
             EmbeddedHubStore store = EmbeddedHubStore.open(directory.resolve("hub.mv.db"));
             SpokeClients clients = EventInventoryBenchmark.clients(fleet, Clock.systemUTC())) {
            EmbeddedElasticMq.QueuePair queues = mq.createQueueWithDeadLetter("events", 5, 30);
            TimedInventory inventory = new TimedInventory(store.inventory(), (target, capacity) -> {
                if (capacity != null && capacity.equals(expected.get(target))) {
                    Sent when = sent.remove(target);
                    if (when != null) {
                        (when.read() ? read : carried).add((System.nanoTime() - when.nanos()) / 1_000_000);
                    }
                }
            });
            RoleCredentialsCache.Settings roles = RoleCredentialsCache.Settings.of(fleet.config().roleName(),
                    fleet.config().externalId());
            AccountRegistry registry = new AccountRegistry(fleet.accounts().stream()
                    .map(id -> new Account(id, "a" + id, List.of(REGION), List.of())).toList());
            SpokeListing listing = new SpokeListing(clients, new Pipelines(ResilienceSettings.defaults()));
            new Discovery(listing, store.inventory(), store.control(), () -> registry, AsleepShapes.ZERO,
                    Discovery.Settings.DEFAULTS, Clock.systemUTC()).run();
            // an event is ordered after the discovery's read only once it is more than the clock skew (5 s) later
            Thread.sleep(7_000);
            try (InventoryUpdater updater = new InventoryUpdater(sqs, InventoryUpdater.Settings.of(
                    queues.workQueueUrl(), queues.deadLetterQueueUrl()), new SpokeEventParser(roles.roleName()), listing, inventory, store.control(), () -> registry, AsleepShapes.ZERO,
                    Clock.systemUTC())) {
                updater.start();
                List<Target> tagged = new ArrayList<>(fleet.targets());
                Collections.shuffle(tagged, new Random(3));
                List<Target> untagged = untagged(fleet);
                int carriedSent = 0;
                int readSent = 0;
                for (int i = 0; i < SAMPLES; i++) {
                    boolean opensRead = i % EVERY_READ == EVERY_READ - 1 && readSent < untagged.size();
                    Target target = opensRead ? untagged.get(readSent++) : tagged.get(carriedSent++);
                    String body = opensRead ? optIn(clients, fleet, target, expected)
                            : resize(clients, target, new Capacity(1, 2 + i % 5, 10), expected);
                    sent.put(EventDay.core(target), new Sent(System.nanoTime(), opensRead));
                    sqs.sendMessage(b -> b.queueUrl(queues.workQueueUrl()).messageBody(body));
                    Thread.sleep(1000 / EVENTS_PER_SECOND);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!sent.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                carried.sort(Long::compare);
                read.sort(Long::compare);
                return new Figures(new ArrayList<>(carried), new ArrayList<>(read), carriedSent, readSent,
                        updater.stats().deadLettered(), updater.stats().refreshes(), updater.stats().applied());
            }
        }
    }

    /** The owner's UpdateAutoScalingGroup / UpdateNodegroupConfig, made in the simulator, and its event. */
    private static String resize(SpokeClients clients, Target target, Capacity next,
                                 Map<dev.offhours.core.work.Target, dev.offhours.core.capacity.Capacity> expected) {
        if (target.kind() == TargetKind.ASG) {
            clients.autoScaling(target.account(), target.region()).updateAutoScalingGroup(b -> b
                    .autoScalingGroupName(target.name()).minSize(next.min()).desiredCapacity(next.desired())
                    .maxSize(next.max()));
        } else {
            clients.eks(target.account(), target.region()).updateNodegroupConfig(b -> b.clusterName(target.cluster())
                    .nodegroupName(target.name()).scalingConfig(s -> s.minSize(next.min()).desiredSize(next.desired())
                            .maxSize(next.max())));
        }
        expected.put(EventDay.core(target), EventDay.core(next));
        return SpokeEventJson.resize(target, next, Instant.now(), SpokeEventJson.Caller.OWNER);
    }

    /** The owner's CreateOrUpdateTags adding the schedule tag to an untagged group, and its event. */
    private static String optIn(SpokeClients clients, SimulatedFleet fleet, Target target,
                                Map<dev.offhours.core.work.Target, dev.offhours.core.capacity.Capacity> expected) {
        clients.autoScaling(target.account(), target.region()).createOrUpdateTags(b -> b.tags(t -> t
                .resourceId(target.name()).resourceType("auto-scaling-group").key(DayOfChanges.SCHEDULE_TAG)
                .value(DayOfChanges.SCHEDULE).propagateAtLaunch(false)));
        expected.put(EventDay.core(target), EventDay.core(fleet.capacity(target)));
        return SpokeEventJson.tag(target, Map.of(DayOfChanges.SCHEDULE_TAG, DayOfChanges.SCHEDULE), Instant.now(),
                SpokeEventJson.Caller.OWNER);
    }

    /** The fleet's untagged ASGs (the generator names them unmanaged-001...), shuffled. */
    private static List<Target> untagged(SimulatedFleet fleet) {
        List<Target> untagged = new ArrayList<>();
        for (String account : fleet.accounts()) {
            for (int j = 1; j <= 25; j++) {
                untagged.add(new Target(account, REGION, TargetKind.ASG, null, String.format("unmanaged-%03d", j),
                        null));
            }
        }
        Collections.shuffle(untagged, new Random(5));
        return untagged;
    }
}
