package dev.offhours.reconciler.quota;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.IntentLedger;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.quota.LaunchShape;
import dev.offhours.core.quota.OnBreach;
import dev.offhours.core.quota.QuotaNeed;
import dev.offhours.core.quota.QuotaPreflight;
import dev.offhours.core.quota.QuotaReadings;
import dev.offhours.core.quota.QuotaSource;
import dev.offhours.core.quota.WakeDemand;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.converge.WakeGate;
import dev.offhours.reconciler.dispatch.Traceparent;
import dev.offhours.worker.runtime.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vCPU quota pre-flight of wake waves: per account and region of the wave, what each target launches and adds
 * (saved awake capacity minus current) against the EC2 vCPU quotas minus their usage ({@link QuotaPreflight}). A
 * breach is logged, kept for the API, the dashboard and the gauges ({@link QuotaFindings}) and, with
 * {@code onBreach: warn}, written into the affected targets' records through their work items' notice; with
 * {@code wakeInPriorityOrder} the targets that do not fit get a FAILED {@code QuotaExceeded} record instead of an item.
 */
public final class WakePreflight implements WakeGate, AutoCloseable {

    /** The tag that orders a wave that cannot be woken whole: lower first. */
    public static final String PRIORITY_TAG = "offhours.dev/wake-priority";
    /** How long a refusal holds the target's mark while its record is written. */
    static final Duration REFUSAL_LEASE = Duration.ofMinutes(1);
    /** Account-regions checked at once: each check is a handful of spoke reads. */
    public static final int PARALLELISM = 8;

    private static final Logger LOG = LoggerFactory.getLogger(WakePreflight.class);

    private final QuotaSource source;
    private final OnBreach onBreach;
    private final OperationStore operations;
    private final IntentLedger ledger;
    private final QuotaFindings findings;
    private final Duration recordRetention;
    private final Duration budget;
    private final ExecutorService checks;

    /**
     * @param budget how long one wave's checks may take: the pass holds the schedule's lease meanwhile, so this stays
     *               well within it; account-regions not checked by then are sent unchecked (and logged)
     */
    public WakePreflight(QuotaSource source, OnBreach onBreach, OperationStore operations, IntentLedger ledger,
                         QuotaFindings findings, Duration recordRetention, Duration budget) {
        this.budget = budget;
        this.checks = Executors.newFixedThreadPool(PARALLELISM, DaemonThreads.named("offhours-quota-preflight"));
        this.source = source;
        this.onBreach = onBreach;
        this.operations = operations;
        this.ledger = ledger;
        this.findings = findings;
        this.recordRetention = recordRetention;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Plan plan(ScheduleIntent intent, List<InventoryItem> toWake, Instant now) {
        Map<String, List<InventoryItem>> byAccountRegion = new LinkedHashMap<>();
        for (InventoryItem item : toWake) {
            byAccountRegion.computeIfAbsent(item.target().account() + "/" + item.target().region(),
                    k -> new ArrayList<>()).add(item);
        }
        List<Future<Plan>> pending = new ArrayList<>();
        byAccountRegion.values().forEach(items -> pending.add(checks.submit(() -> check(intent, items, now))));
        Map<String, String> notices = new HashMap<>();
        Map<String, String> refusals = new HashMap<>();
        long deadline = System.nanoTime() + budget.toNanos();
        int unchecked = 0;
        for (Future<Plan> check : pending) {
            try {
                Plan plan = check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                notices.putAll(plan.notices());
                refusals.putAll(plan.refusals());
            } catch (TimeoutException | ExecutionException e) {
                check.cancel(true);
                unchecked++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                check.cancel(true);
                unchecked++;
            }
        }
        if (unchecked > 0) {
            LOG.warn("quota pre-flight: wake of {}: {} of {} account-regions could not be checked within {}; their "
                    + "targets are sent unchecked", intent.schedule(), unchecked, pending.size(), budget);
        }
        return new Plan(notices, refusals);
    }

    /** One account and region of the wave: its plan (notices and refusals by target key). */
    private Plan check(ScheduleIntent intent, List<InventoryItem> items, Instant now) {
        Map<String, String> notices = new HashMap<>();
        Map<String, String> refusals = new HashMap<>();
        String account = items.get(0).target().account();
        String region = items.get(0).target().region();
        String where = account + "/" + region;
        Map<String, LaunchShape> shapes = source.launchShapes(account, region,
                items.stream().map(InventoryItem::target).toList());
        List<WakeDemand> demands = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        for (InventoryItem item : items) {
            LaunchShape shape = shapes.getOrDefault(item.targetKey(), LaunchShape.onDemand(List.of()));
            types.addAll(shape.instanceTypes());
            demands.add(demand(item, shape));
        }
        QuotaReadings readings = source.readings(account, region, types);
        QuotaPreflight.Result result = QuotaPreflight.check(demands, readings, onBreach);
        QuotaFinding finding = new QuotaFinding(intent.schedule(), intent.since(), account, region, now, onBreach,
                result.needs(), items.size(), result.refused().size(), result.unmeasured().size());
        findings.record(finding);
        if (!result.breached()) {
            LOG.info("quota pre-flight: {}", finding.summary());
            return Plan.NONE;
        }
        LOG.warn("quota pre-flight: {}", finding.summary());
        for (InventoryItem item : items) {
            List<QuotaNeed> breaches = result.breachesOf(item.targetKey());
            QuotaPreflight.Refusal refusal = result.refused().get(item.targetKey());
            if (refusal != null) {
                refusals.put(item.targetKey(), refusal.reason() + " (account " + where + ")");
            } else if (!breaches.isEmpty() && onBreach == OnBreach.WARN) {
                notices.put(item.targetKey(), "quota warning in " + where + ": " + String.join("; ",
                        breaches.stream().map(QuotaNeed::describe).toList()) + "; woken anyway (quota.onBreach: warn)");
            }
        }
        return new Plan(notices, refusals);
    }

    private static WakeDemand demand(InventoryItem item, LaunchShape shape) {
        int current = item.current() == null ? 0 : item.current().desired();
        Capacity awake = item.savedAwake();
        // without a saved awake capacity the worker restores nothing: the target adds nothing
        int target = awake == null ? current : awake.desired();
        return new WakeDemand(item.targetKey(), WakeDemand.priorityOf(item.tags().get(PRIORITY_TAG)), current, target,
                shape);
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }

    @Override
    public boolean refuse(ScheduleIntent intent, InventoryItem item, String reason, Instant now) {
        Target target = item.target();
        try {
            IntentLedger.Begin begin = ledger.begin(target, intent.schedule(), intent.since(), Action.WAKE, now,
                    REFUSAL_LEASE);
            if (begin.start() == IntentLedger.Start.SUPERSEDED || begin.start() == IntentLedger.Start.BUSY) {
                return false;
            }
            operations.save(new OperationRecord(intent.schedule(), intent.since(), item.targetKey(), Action.WAKE,
                    item.current(), null, OperationStatus.FAILED, 1, QuotaPreflight.QUOTA_EXCEEDED, reason,
                    Duration.ZERO, Traceparent.traceId(intent.schedule(), intent.since()), null, now, now,
                    now.plus(recordRetention)));
            if (begin.start() == IntentLedger.Start.STARTED) {
                ledger.finish(target, intent.schedule(), intent.since(), OperationStatus.FAILED, now);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("{} could not be recorded as left asleep ({}); it is woken instead", item.targetKey(),
                    e.getMessage());
            return false;
        }
    }
}
