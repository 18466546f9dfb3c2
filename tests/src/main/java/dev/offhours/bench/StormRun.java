package dev.offhours.bench;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.TargetKind;
import dev.offhours.core.work.WorkItem;
import dev.offhours.reconciler.dispatch.SendReport;
import dev.offhours.reconciler.dispatch.SqsWorkQueue;
import dev.offhours.simulator.Capacity;
import dev.offhours.simulator.MetricsSnapshot;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.simulator.Target;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One sleep storm then one wake storm of one implementation in one mode: every target's work item enqueued by the
 * dispatcher's own {@link SqsWorkQueue}, wall time from the first enqueue to the last final record, and the
 * figures. Durations are simulated seconds (real seconds / time scale).
 */
final class StormRun {

    static final Instant SLEEP_AT = Instant.parse("2026-03-02T18:00:00Z");
    static final Instant WAKE_AT = Instant.parse("2026-03-03T07:00:00Z");
    static final int SENDERS = 12;

    private final EmbeddedElasticMq mq;
    private final SqsClient sqs;
    private final StormSettings settings;

    StormRun(EmbeddedElasticMq mq, SqsClient sqs, StormSettings settings) {
        this.mq = mq;
        this.sqs = sqs;
        this.settings = settings;
    }

    List<StormFigures> sleepThenWake(String implementation, StormFleet fleet, StormCounters counters, StormMode mode)
            throws InterruptedException {
        Map<Target, Capacity> awake = new HashMap<>();
        fleet.spokes().targets().forEach(target -> awake.put(target, fleet.spokes().capacity(target)));
        return List.of(
                storm(implementation, fleet, counters, mode, Action.SLEEP, SLEEP_AT, awake),
                storm(implementation, fleet, counters, mode, Action.WAKE, WAKE_AT, awake));
    }

    private StormFigures storm(String implementation, StormFleet stormFleet, StormCounters counters, StormMode mode,
                               Action action, Instant transition, Map<Target, Capacity> awake)
            throws InterruptedException {
        SimulatedFleet fleet = stormFleet.spokes();
        List<Target> targets = fleet.targets();
        double scale = settings.scale();
        counters.reset().run();
        fleet.metrics().reset();
        EmbeddedElasticMq.QueuePair queues = mq.createQueueWithDeadLetter("storm", 5, 30);
        List<WorkItem> items = targets.stream().map(t -> workItem(t, action, transition)).toList();
        Footprint footprint = Footprint.start();
        StormMode.Consuming consuming = mode.start(mq, sqs, queues);
        long start = System.nanoTime();
        enqueue(queues.workQueueUrl(), items);
        double enqueueSeconds = (System.nanoTime() - start) / 1e9 / scale;
        long giveUp = start + settings.giveUpNanos(targets.size());
        while (counters.finalRecords().getAsLong() < targets.size() && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        double wallReal = (counters.lastRecordNanos().getAsLong() - start) / 1e9;
        double wallSeconds = wallReal / scale;
        String storm = action == Action.SLEEP ? "sleep" : "wake";
        StormFigures.Builder figures = StormFigures.builder(storm, implementation + "." + mode.name());
        StormFigures.Builder modeFigures = StormFigures.builder(storm, implementation + "." + mode.name());
        List<Long> finalTimes = counters.finalRecordTimes().get();
        consuming.stopInto(modeFigures, wallReal);
        Footprint.Figures cost = footprint.stop();
        MetricsSnapshot calls = fleet.metrics().snapshot();
        PhysicalLimit limit = PhysicalLimit.of(fleet, action, StormSettings.BASELINE_IN_FLIGHT);
        return figures
                .put("wall_time_s", wallSeconds)
                .put("limit_bucket_bound_s", limit.bucketSeconds())
                .put("slowest_chain_s", limit.slowestChainSeconds())
                .put("aws_bound_s", limit.awsBoundSeconds())
                .put("ratio_to_aws_bound", wallSeconds / limit.awsBoundSeconds())
                .put("physical_limit_s", limit.seconds())
                .put("ratio", wallSeconds / limit.seconds())
                .put("limit_latency_bound_s", limit.latencySeconds())
                .put("enqueue_s", enqueueSeconds)
                .put("half_done_s", completedBy(finalTimes, start, 0.5))
                .put("p90_done_s", completedBy(finalTimes, start, 0.9))
                .put("p99_done_s", completedBy(finalTimes, start, 0.99))
                .put("api_calls_per_target", (double) calls.calls() / targets.size())
                .put("minimal_calls_per_target", (double) limit.minimalCalls() / targets.size())
                .put("assume_role_per_account", (double) calls.assumeRoleCalls() / fleet.accounts().size())
                .put("throttles_met", calls.throttles())
                .put("throttles_surfaced_as_failed", counters.failedByThrottling().getAsLong())
                .put("failed_records", counters.failed().getAsLong())
                .put("records_per_target", (double) counters.records().getAsLong() / targets.size())
                .put("targets_without_final_record",
                        Math.max(0, targets.size() - counters.finalRecords().getAsLong()))
                .put("targets_in_wrong_state", wrongState(fleet, action, awake))
                .put("threads_peak", cost.threadsPeak())
                .put("threads_created", cost.threadsCreated())
                .put("heap_peak_mb", cost.heapPeakMb())
                .put("heap_growth_mb", cost.heapGrowthMb())
                .put("cpu_s", cost.cpuSeconds())
                .put("cpu_s_per_1000_targets", cost.cpuSeconds() / (targets.size() / 1000.0))
                .putAll(modeFigures)
                .build();
    }

    /** Simulated seconds from the first enqueue until {@code fraction} of the final records were written. */
    private double completedBy(List<Long> finalTimes, long start, double fraction) {
        if (finalTimes.isEmpty()) {
            return Double.NaN;
        }
        List<Long> times = new ArrayList<>(finalTimes);
        times.sort(null);
        int index = Math.min(times.size() - 1, (int) Math.ceil(fraction * times.size()) - 1);
        return (times.get(Math.max(0, index)) - start) / 1e9 / settings.scale();
    }

    private static WorkItem workItem(Target target, Action action, Instant transition) {
        dev.offhours.core.work.Target workTarget = target.kind() == TargetKind.ASG
                ? dev.offhours.core.work.Target.asg(target.account(), target.region(), target.name())
                : dev.offhours.core.work.Target.nodegroup(target.account(), target.region(), target.cluster(),
                target.name());
        return WorkItem.of(StormFleet.SCHEDULE, transition, action, workTarget, AsleepCapacity.ZERO,
                "main@sha1:benchmark", null);
    }

    /** The dispatcher's own sender: SendMessageBatch of 10, {@link #SENDERS} batches in flight, retries of parts. */
    private void enqueue(String queueUrl, List<WorkItem> items) {
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
