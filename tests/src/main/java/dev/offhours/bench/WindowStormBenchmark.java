package dev.offhours.bench;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.WorkItem;
import dev.offhours.reconciler.dispatch.SendReport;
import dev.offhours.reconciler.dispatch.SqsWorkQueue;
import dev.offhours.simulator.Capacity;
import dev.offhours.simulator.MetricsSnapshot;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.simulator.Target;
import dev.offhours.core.work.TargetKind;
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
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The window storm: 10,000 targets (half ASGs, half node groups) across 500 accounts x 2 regions in the
 * simulator, one work item per target on an SQS-protocol queue (embedded ElasticMQ), at most 50 in flight; a sleep
 * storm, then a wake storm; offhours' worker, then a naive baseline on a fresh fleet. Prints {@code name: value}.
 * Both contenders first run a discarded sleep and wake storm on a small fleet of their own (JIT, ElasticMQ and thread
 * pools warm; {@code -Dstorm.warmup=false} skips it), and work items are enqueued by the dispatcher's own
 * {@link SqsWorkQueue}; the wall time still runs from the first enqueue to the last record.
 * Durations are simulated seconds (real seconds / time scale). Argument: the time scale (default 0.1).
 *
 * <p>Node group updates complete at once in this fleet: the physical limit counts no DescribeUpdate and no
 * EKS rollout time, so neither is put in the measured time either.
 */
public final class WindowStormBenchmark {

    private static final int ACCOUNTS = 500;
    private static final int PER_KIND_PER_ACCOUNT_REGION = 5;
    private static final int IN_FLIGHT = 50;
    /** 20 accounts x 2 regions x (5 ASGs + 5 node groups) = 400 targets per contender. */
    private static final int WARMUP_ACCOUNTS = 20;
    private static final int SENDERS = 12;
    private static final String SCHEDULE = "office-hours";
    private static final Duration GIVE_UP = Duration.ofMinutes(20);

    private WindowStormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
        boolean warmup = Boolean.parseBoolean(System.getProperty("storm.warmup", "true"));
        List<StormFigures> figures = new ArrayList<>();
        int warmupTargets = 0;
        try (EmbeddedElasticMq mq = EmbeddedElasticMq.start(); SqsClient sqs = mq.newClient()) {
            if (warmup) {
                warmupTargets = warmUp(mq, sqs, scale);
            }
            for (Contender contender : contenders(scale, ACCOUNTS)) {
                figures.addAll(sleepThenWake(mq, sqs, contender, scale));
            }
        }
        System.out.println("time_scale: " + scale);
        System.out.println("targets: " + ACCOUNTS * 2 * PER_KIND_PER_ACCOUNT_REGION * 2);
        System.out.println("accounts: " + ACCOUNTS);
        System.out.println("in_flight: " + IN_FLIGHT);
        System.out.println("warmup: " + warmup);
        System.out.println("warmup_targets_per_contender: " + warmupTargets);
        System.out.println("enqueue: SqsWorkQueue SendMessageBatch x10, " + SENDERS + " concurrent senders");
        for (String storm : List.of("sleep", "wake")) {
            List<StormFigures> ofStorm = figures.stream().filter(f -> f.storm().equals(storm)).toList();
            for (String name : ofStorm.get(0).values().keySet()) {
                for (StormFigures f : ofStorm) {
                    System.out.println(storm + "." + f.implementation() + "." + name + ": " + f.values().get(name));
                }
            }
        }

    }

    /**
     * A sleep and a wake storm per contender on small fleets of their own, figures discarded, so that the measured
     * storms meet a warm JIT, a warm ElasticMQ and started thread pools whichever contender runs first. The
     * measured contenders get fresh fleets, caches and pipelines: nothing a storm should pay for is pre-paid.
     */
    private static int warmUp(EmbeddedElasticMq mq, SqsClient sqs, double scale) throws InterruptedException {
        int targets = 0;
        for (Contender contender : contenders(scale, WARMUP_ACCOUNTS)) {
            sleepThenWake(mq, sqs, contender, scale);
            targets = contender.fleet().targets().size();
        }
        return targets;
    }

    private static List<StormFigures> sleepThenWake(EmbeddedElasticMq mq, SqsClient sqs, Contender contender,
                                                    double scale) throws InterruptedException {
        Map<Target, Capacity> awake = new HashMap<>();
        contender.fleet().targets().forEach(target -> awake.put(target, contender.fleet().capacity(target)));
        return List.of(
                storm(mq, sqs, contender, Action.SLEEP, Instant.parse("2026-03-02T18:00:00Z"), awake, scale),
                storm(mq, sqs, contender, Action.WAKE, Instant.parse("2026-03-03T07:00:00Z"), awake, scale));
    }

    /** Both by default; {@code -Dstorm.contenders=offhours} runs one (quicker when tuning). */
    private static List<Contender> contenders(double scale, int accounts) {
        List<String> names = List.of(System.getProperty("storm.contenders", "offhours,naive").split(","));
        List<Contender> contenders = new ArrayList<>();
        if (names.contains("offhours")) {
            contenders.add(Contender.offhours(fleet(scale, accounts), scale));
        }
        if (names.contains("naive")) {
            contenders.add(Contender.naive(fleet(scale, accounts)));
        }
        return contenders;
    }

    private static SimulatedFleet fleet(double scale, int accounts) {
        return SimulatedFleet.builder().seed(7).accounts(accounts).regions("eu-west-1", "eu-central-1")
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
        List<WorkItem> items = targets.stream().map(t -> workItem(t, action, transition)).toList();
        long start = System.nanoTime();
        enqueue(sqs, queues.workQueueUrl(), items);
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

    private static WorkItem workItem(Target target, Action action, Instant transition) {
        dev.offhours.core.work.Target workTarget = target.kind() == TargetKind.ASG
                ? dev.offhours.core.work.Target.asg(target.account(), target.region(), target.name())
                : dev.offhours.core.work.Target.nodegroup(target.account(), target.region(), target.cluster(),
                target.name());
        return WorkItem.of(SCHEDULE, transition, action, workTarget, AsleepCapacity.ZERO, "main@sha1:benchmark", null);
    }

    /** The dispatcher's own sender: SendMessageBatch of 10, {@link #SENDERS} batches in flight, retries of parts. */
    private static void enqueue(SqsClient sqs, String queueUrl, List<WorkItem> items) {
        try (SqsWorkQueue queue = new SqsWorkQueue(sqs, queueUrl, SENDERS, 5, Duration.ofMillis(100))) {
            SendReport report = queue.sendAll(items);
            if (report.failed() > 0) {
                throw new IllegalStateException("the storm needs every work item on the queue, but " + report.failed()
                        + " of " + items.size() + " could not be sent: " + report.errors());
            }
        }
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
