package dev.offhours.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.events.InventoryUpdater;
import dev.offhours.reconciler.events.SpokeEventParser;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.inventory.SpokeListing;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.simulator.AccountRegion;
import dev.offhours.simulator.ApiFamily;
import dev.offhours.simulator.LatencySpec;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.core.work.TargetKind;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.worker.SpokeClientFactory;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Event-driven inventory against polling (issue 5). Part one counts spoke API calls for a fleet of 10,000 targets
 * (100 accounts x 2 regions x 25 ASGs + 25 node groups) over one simulated day: polling runs the real discovery
 * listing of every account-region on the simulator and counts its calls, 12 times an hour; the event-driven side
 * generates each target's day of events (2-4 owner scalings between 06:00 and 22:00 plus offhours' two
 * transitions; an ASG change brings 1-8 instance launch/terminate events 30-150 s later) and counts the refreshes
 * the updater's coalescing makes of them (one Describe each). AssumeRole calls are left out of both: with one-hour
 * sessions they are the same 1 per account and hour either way. Part two pushes change events through the real
 * updater path (embedded ElasticMQ, embedded hub store, simulator with small latencies) and measures the time from
 * sending an event to the inventory holding the new capacity.
 *
 * <p>Run: {@code ./mvnw -B -q -pl tests -am -Pevent-inventory-benchmark process-classes}
 */
public final class EventInventoryBenchmark {

    private static final int ACCOUNTS = 100;
    private static final int PER_KIND = 25;
    private static final int LATENCY_SAMPLES = 1000;
    private static final int EVENTS_PER_SECOND = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventInventoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SimulatedFleet fleet = SimulatedFleet.builder().seed(11).accounts(ACCOUNTS).regions("eu-west-1", "eu-central-1")
                .asgsPerAccountRegion(PER_KIND).nodegroupsPerAccountRegion(PER_KIND).clustersPerAccountRegion(1)
                .noLatency().build();
        print("targets", fleet.targets().size());
        print("account_regions", fleet.accountRegions().size());
        long pollCalls = onePoll(fleet);
        double pollingPerHour = pollCalls * 12.0;
        print("polling_calls_per_poll", pollCalls);
        print("polling_calls_per_hour", Math.round(pollingPerHour));

        Random random = new Random(7);
        long changes = 0;
        long events = 0;
        long refreshes = 0;
        for (dev.offhours.simulator.Target target : fleet.targets()) {
            ChangeTraffic.Day day = ChangeTraffic.simulate(target.kind() == TargetKind.ASG, 2 + random.nextInt(3), random);
            changes += day.changes();
            events += day.events();
            refreshes += day.refreshes();
        }
        double eventsPerHour = refreshes / 24.0;
        print("changes_per_day", changes);
        print("events_per_day", events);
        print("event_refreshes_per_day", refreshes);
        print("event_calls_per_hour", Math.round(eventsPerHour));
        print("calls_ratio_polling_to_events", String.format("%.1f", pollingPerHour / eventsPerHour));
        // no design that reads a resource after each change can beat one Describe per change
        print("calls_ratio_bound_one_call_per_change", String.format("%.1f", pollingPerHour / (changes / 24.0)));

        List<Long> latencies = latencies();
        latencies.sort(Long::compare);
        print("latency_samples", latencies.size() + " of " + LATENCY_SAMPLES);
        print("latency_p50_ms", percentile(latencies, 0.50));
        print("latency_p99_ms", percentile(latencies, 0.99));
        print("latency_max_ms", latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
    }

    /** One round of polling: the real discovery listing of every account-region, 16 at once. */
    private static long onePoll(SimulatedFleet fleet) throws Exception {
        try (SpokeClients clients = clients(fleet)) {
            SpokeListing listing = new SpokeListing(clients, new Pipelines(ResilienceSettings.defaults()));
            fleet.accountRegions().forEach(ar -> listing.assumeRole(ar.account(), ar.region()));
            fleet.metrics().reset();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> runs = new ArrayList<>();
            for (AccountRegion ar : fleet.accountRegions()) {
                runs.add(pool.submit(() -> listing.list(ar.account(), ar.region())));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();
            Map<ApiFamily, Long> byFamily = fleet.metrics().snapshot().callsByFamily();
            return byFamily.getOrDefault(ApiFamily.AUTOSCALING, 0L) + byFamily.getOrDefault(ApiFamily.EKS, 0L);
        }
    }

    /** Change events for distinct targets, pushed through the real updater path; milliseconds to inventory. */
    private static List<Long> latencies() throws Exception {
        SimulatedFleet fleet = SimulatedFleet.builder().seed(13).accounts(10).regions("eu-west-1")
                .asgsPerAccountRegion(50).nodegroupsPerAccountRegion(50).clustersPerAccountRegion(1)
                .latency(ApiFamily.AUTOSCALING, LatencySpec.uniformMillis(10, 30))
                .latency(ApiFamily.EKS, LatencySpec.uniformMillis(20, 50))
                .latency(ApiFamily.STS, LatencySpec.uniformMillis(5, 20))
                .nodegroupUpdateDuration(Duration.ZERO).build();
        Path directory = Files.createTempDirectory("event-inventory-bench");
        Map<Target, Capacity> expected = new ConcurrentHashMap<>();
        Map<Target, Long> sentNanos = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        try (EmbeddedElasticMq mq = EmbeddedElasticMq.start(); SqsClient sqs = mq.newClient();
             EmbeddedHubStore store = EmbeddedHubStore.open(directory.resolve("hub.mv.db"));
             SpokeClients clients = clients(fleet)) {
            EmbeddedElasticMq.QueuePair queues = mq.createQueueWithDeadLetter("events", 5, 30);
            TimedInventory inventory = new TimedInventory(store.inventory(), (target, capacity) -> {
                if (capacity != null && capacity.equals(expected.get(target))) {
                    Long sent = sentNanos.remove(target);
                    if (sent != null) {
                        latencies.add((System.nanoTime() - sent) / 1_000_000);
                    }
                }
            });
            RoleCredentialsCache.Settings roles = RoleCredentialsCache.Settings.of(fleet.config().roleName(),
                    fleet.config().externalId());
            AccountRegistry registry = new AccountRegistry(fleet.accounts().stream()
                    .map(id -> new Account(id, "a" + id, List.of("eu-west-1"), List.of())).toList());
            SpokeListing listing = new SpokeListing(clients, new Pipelines(ResilienceSettings.defaults()));
            try (InventoryUpdater updater = new InventoryUpdater(sqs, InventoryUpdater.Settings.of(
                    queues.workQueueUrl(), queues.deadLetterQueueUrl()), new SpokeEventParser(roles.roleName(),
                    roles.sessionName()), listing, inventory, store.control(), () -> registry, AsleepShapes.ZERO,
                    Clock.systemUTC())) {
                updater.start();
                fleet.accounts().forEach(account -> listing.assumeRole(account, "eu-west-1"));
                List<dev.offhours.simulator.Target> targets = new ArrayList<>(fleet.targets());
                java.util.Collections.shuffle(targets, new Random(3));
                int samples = Math.min(LATENCY_SAMPLES, targets.size());
                for (int i = 0; i < samples; i++) {
                    dev.offhours.simulator.Target simulated = targets.get(i);
                    Capacity next = new Capacity(1, 2 + i % 5, 10);
                    Target target = change(clients, simulated, next);
                    expected.put(target, next);
                    sentNanos.put(target, System.nanoTime());
                    String body = envelope(simulated);
                    sqs.sendMessage(b -> b.queueUrl(queues.workQueueUrl()).messageBody(body));
                    Thread.sleep(1000 / EVENTS_PER_SECOND);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!sentNanos.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                print("latency_dead_lettered", updater.stats().deadLettered());
                print("latency_refreshes", updater.stats().refreshes());
            }
        }
        return new ArrayList<>(latencies);
    }

    /** Scales the target in the simulator the way its owner would, before the event announces it. */
    private static Target change(SpokeClients clients, dev.offhours.simulator.Target target, Capacity next) {
        if (target.kind() == TargetKind.ASG) {
            clients.autoScaling(target.account(), target.region()).updateAutoScalingGroup(b -> b
                    .autoScalingGroupName(target.name()).minSize(next.min()).desiredCapacity(next.desired())
                    .maxSize(next.max()));
            return Target.asg(target.account(), target.region(), target.name());
        }
        clients.eks(target.account(), target.region()).updateNodegroupConfig(b -> b.clusterName(target.cluster())
                .nodegroupName(target.name()).scalingConfig(s -> s.minSize(next.min()).desiredSize(next.desired())
                        .maxSize(next.max())));
        return Target.nodegroup(target.account(), target.region(), target.cluster(), target.name());
    }

    /** The "AWS API Call via CloudTrail" envelope of an owner's UpdateAutoScalingGroup / UpdateNodegroupConfig. */
    private static String envelope(dev.offhours.simulator.Target target) throws Exception {
        boolean asg = target.kind() == TargetKind.ASG;
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0").put("id", java.util.UUID.randomUUID().toString())
                .put("detail-type", "AWS API Call via CloudTrail").put("source", asg ? "aws.autoscaling" : "aws.eks")
                .put("account", target.account()).put("time", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .put("region", target.region()).putArray("resources");
        ObjectNode detail = event.putObject("detail");
        detail.put("eventVersion", "1.08").put("eventSource", asg ? "autoscaling.amazonaws.com" : "eks.amazonaws.com")
                .put("eventName", asg ? "UpdateAutoScalingGroup" : "UpdateNodegroupConfig")
                .put("awsRegion", target.region()).put("eventType", "AwsApiCall");
        detail.putObject("userIdentity").put("type", "AssumedRole")
                .put("arn", "arn:aws:sts::" + target.account() + ":assumed-role/Admin/owner");
        ObjectNode request = detail.putObject("requestParameters");
        if (asg) {
            request.put("autoScalingGroupName", target.name());
        } else {
            request.put("name", target.cluster()).put("nodegroupName", target.name());
        }
        return JSON.writeValueAsString(event);
    }

    private static SpokeClients clients(SimulatedFleet fleet) {
        RoleCredentialsCache credentials = new RoleCredentialsCache(fleet.sts(),
                RoleCredentialsCache.Settings.of(fleet.config().roleName(), fleet.config().externalId()),
                Clock.systemUTC());
        return new SpokeClients(new SpokeClientFactory() {
            @Override
            public AutoScalingClient autoScaling(AwsCredentialsProvider provider, String region) {
                return fleet.autoScaling(provider, region);
            }

            @Override
            public EksClient eks(AwsCredentialsProvider provider, String region) {
                return fleet.eks(provider, region);
            }
        }, credentials);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void print(String name, Object value) {
        System.out.println(name + ": " + value);
    }
}
