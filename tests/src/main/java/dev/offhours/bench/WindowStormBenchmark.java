package dev.offhours.bench;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.simulator.Capacity;
import dev.offhours.simulator.MetricsSnapshot;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.simulator.Target;
import dev.offhours.simulator.TargetKind;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.worker.runtime.PoolMetrics;
import dev.offhours.worker.runtime.PoolSettings;
import dev.offhours.worker.runtime.SqsWorkerPool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The window storm of issue 3: 10,000 targets (half ASGs, half node groups) across 500 accounts x 2 regions in the
 * simulator, one work item per target on an SQS-protocol queue (embedded ElasticMQ), at most 50 in flight; a sleep
 * storm, then a wake storm; offhours' worker, then a naive baseline on a fresh fleet. Prints {@code name: value}.
 * Durations are simulated seconds (real seconds / time scale). Argument: the time scale (default 0.1).
 *
 * <p>Node group updates complete at once in this fleet: the physical limit counts no DescribeUpdate and no
 * EKS rollout time, so neither is put in the measured time either.
 */
public final class WindowStormBenchmark {

    private static final int ACCOUNTS = 500;
    private static final int PER_KIND_PER_ACCOUNT_REGION = 5;
    private static final int IN_FLIGHT = 50;
    private static final String SCHEDULE = "office-hours";
    private static final Duration GIVE_UP = Duration.ofMinutes(20);
    private static final WorkItemCodec CODEC = new WorkItemCodec();

    private WindowStormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
        List<StormFigures> figures = new ArrayList<>();
        try (EmbeddedElasticMq mq = EmbeddedElasticMq.start(); SqsClient sqs = mq.newClient()) {
            for (Contender contender : contenders(scale)) {
                Map<Target, Capacity> awake = new HashMap<>();
                contender.fleet().targets().forEach(target -> awake.put(target, contender.fleet().capacity(target)));
                figures.add(storm(mq, sqs, contender, Action.SLEEP, Instant.parse("2026-03-02T18:00:00Z"), awake, scale));
                figures.add(storm(mq, sqs, contender, Action.WAKE, Instant.parse("2026-03-03T07:00:00Z"), awake, scale));
            }
        }
        System.out.println("time_scale: " + scale);
        System.out.println("targets: " + ACCOUNTS * 2 * PER_KIND_PER_ACCOUNT_REGION * 2);
        System.out.println("accounts: " + ACCOUNTS);
        System.out.println("in_flight: " + IN_FLIGHT);
        for (String storm : List.of("sleep", "wake")) {
            List<StormFigures> ofStorm = figures.stream().filter(f -> f.storm().equals(storm)).toList();
            for (String name : ofStorm.get(0).values().keySet()) {
                for (StormFigures f : ofStorm) {
                    System.out.println(storm + "." + f.implementation() + "." + name + ": " + f.values().get(name));
                }
            }
        }

    }

    /** Both by default; {@code -Dstorm.contenders=offhours} runs one (quicker when tuning). */
    private static List<Contender> contenders(double scale) {
        List<String> names = List.of(System.getProperty("storm.contenders", "offhours,naive").split(","));
        List<Contender> contenders = new ArrayList<>();
        if (names.contains("offhours")) {
            contenders.add(Contender.offhours(fleet(scale), scale));
        }
        if (names.contains("naive")) {
            contenders.add(Contender.naive(fleet(scale)));
        }
        return contenders;
    }

    private static SimulatedFleet fleet(double scale) {
        return SimulatedFleet.builder().seed(7).accounts(ACCOUNTS).regions("eu-west-1", "eu-central-1")
                .asgsPerAccountRegion(PER_KIND_PER_ACCOUNT_REGION).nodegroupsPerAccountRegion(PER_KIND_PER_ACCOUNT_REGION)
                .clustersPerAccountRegion(1).schedule(SCHEDULE).timeScale(scale)
                .nodegroupUpdateDuration(Duration.ZERO).build();
    }

    private static StormFigures storm(EmbeddedElasticMq mq, SqsClient sqs, Contender contender, Action action,
                                      Instant transition, Map<Target, Capacity> awake, double scale)
            throws InterruptedException {
        SimulatedFleet fleet = contender.fleet();
        List<Target> targets = fleet.targets();
        contender.resetCounters().run();
        fleet.metrics().reset();
        EmbeddedElasticMq.QueuePair queues = mq.createQueueWithDeadLetter("storm", 5, 30);
        SqsWorkerPool pool = new SqsWorkerPool(sqs, contender.handler(),
                PoolSettings.defaults(queues.workQueueUrl(), queues.deadLetterQueueUrl()).withMaxInFlight(IN_FLIGHT)
                        .withReceiveWait(Duration.ofSeconds(1)));
        pool.start();
        long start = System.nanoTime();
        enqueue(sqs, queues.workQueueUrl(), targets.stream().map(t -> body(t, action, transition)).toList());
        double enqueueSeconds = (System.nanoTime() - start) / 1e9 / scale;
        long giveUp = start + GIVE_UP.toNanos();
        while (contender.finalRecords().getAsLong() < targets.size() && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        double wallSeconds = (contender.lastRecordNanos().getAsLong() - start) / 1e9 / scale;
        pool.stop(Duration.ofSeconds(10));
        PoolMetrics.Snapshot queue = pool.metrics();
        MetricsSnapshot calls = fleet.metrics().snapshot();
        PhysicalLimit limit = PhysicalLimit.of(fleet, action, IN_FLIGHT);
        return StormFigures.builder(action == Action.SLEEP ? "sleep" : "wake", contender.name())
                .put("wall_time_s", wallSeconds)
                .put("physical_limit_s", limit.seconds())
                .put("ratio", wallSeconds / limit.seconds())
                .put("enqueue_s", enqueueSeconds)
                .put("half_done_s", completedBy(contender, start, 0.5, scale))
                .put("p90_done_s", completedBy(contender, start, 0.9, scale))
                .put("p99_done_s", completedBy(contender, start, 0.99, scale))
                .put("limit_bucket_bound_s", limit.bucketSeconds())
                .put("limit_latency_bound_s", limit.latencySeconds())
                .put("api_calls_per_target", (double) calls.calls() / targets.size())
                .put("minimal_calls_per_target", (double) limit.minimalCalls() / targets.size())
                .put("assume_role_per_account", (double) calls.assumeRoleCalls() / fleet.accounts().size())
                .put("throttles_met", calls.throttles())
                .put("throttles_surfaced_as_failed", contender.failedByThrottling().getAsLong())
                .put("failed_records", contender.failed().getAsLong())
                .put("records_per_target", (double) contender.records().getAsLong() / targets.size())
                .put("targets_without_final_record", Math.max(0, targets.size() - contender.finalRecords().getAsLong()))
                .put("targets_in_wrong_state", wrongState(fleet, action, awake))
                .put("dead_lettered", queue.rejected())
                .put("sent_back_to_queue", queue.retried())
                .put("messages_per_receive", (double) queue.received() / Math.max(1, queue.receiveCalls()))
                .put("receive_call_ms", queue.receiveNanos() / 1e6 / Math.max(1, queue.receiveCalls()))
                .put("slot_busy_fraction", queue.handlingNanos() / ((double) IN_FLIGHT * wallSeconds * scale * 1e9))
                .build();
    }

    /** Simulated seconds from the first enqueue until {@code fraction} of the final records were written. */
    private static double completedBy(Contender contender, long start, double fraction, double scale) {
        List<Long> times = new ArrayList<>(contender.finalRecordTimes().get());
        if (times.isEmpty()) {
            return Double.NaN;
        }
        times.sort(null);
        int index = Math.min(times.size() - 1, (int) Math.ceil(fraction * times.size()) - 1);
        return (times.get(Math.max(0, index)) - start) / 1e9 / scale;
    }

    private static String body(Target target, Action action, Instant transition) {
        dev.offhours.core.work.Target workTarget = target.kind() == TargetKind.ASG
                ? dev.offhours.core.work.Target.asg(target.account(), target.region(), target.name())
                : dev.offhours.core.work.Target.nodegroup(target.account(), target.region(), target.cluster(),
                target.name());
        return CODEC.encode(WorkItem.of(SCHEDULE, transition, action, workTarget, AsleepCapacity.ZERO,
                "main@sha1:benchmark", null));
    }

    /** SendMessageBatch of 10 from 4 threads, the way a dispatcher would enqueue a transition's items. */
    private static void enqueue(SqsClient sqs, String queueUrl, List<String> bodies) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int from = 0; from < bodies.size(); from += 10) {
            List<String> batch = bodies.subList(from, Math.min(from + 10, bodies.size()));
            senders.execute(() -> {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(batch.get(i)).build());
                }
                sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            });
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);
    }

    private static long wrongState(SimulatedFleet fleet, Action action, Map<Target, Capacity> awake) {
        return fleet.targets().stream().filter(target -> {
            Capacity now = fleet.capacity(target);
            if (action == Action.WAKE) {
                return !now.equals(awake.get(target));
            }
            int asleepMax = target.kind() == TargetKind.ASG ? 0 : 1;
            return now.min() != 0 || now.desired() != 0 || now.max() != asleepMax;
        }).count();
    }
}
