package dev.offhours.worker.action;

import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.work.Target;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.ApiFamily;
import dev.offhours.worker.resilience.Futures;
import dev.offhours.worker.resilience.Pipelines;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * Coalesces the reads of Auto Scaling groups: the work items of one account and region that need their groups at
 * about the same time share one {@code DescribeAutoScalingGroups} filtered on the tag key
 * {@code offhours.dev/schedule} (single flight), instead of one describe each. A storm puts many groups of one
 * account-region to sleep at once, and Auto Scaling's bucket is shared by every call of that account-region.
 *
 * <p>A view serves a group only when it is safe to decide on it:
 * <ul>
 *   <li>it started less than {@code freshness} ago, or is still in flight (joining it costs no staleness beyond
 *       the call's own latency). Keep {@code freshness} far below the smallest redelivery delay (seconds), so a
 *       redelivered work item on another worker never reads a view taken before the change it made;</li>
 *   <li>it started after the last change this process made to that group ({@link #changed}), so a redelivered
 *       item never decides on a view of its group from before its own change.</li>
 * </ul>
 * A group absent from the view (no schedule tag, deleted, or beyond the first page) is described by name, as is
 * every group of an account-region with more opted-in groups than one page holds (coalescing a multi-page
 * describe would make every item wait for all pages).
 */
public final class AsgDescribes {

    private static final int PAGE = 100;

    private record Key(String account, String region) {
    }

    /** The groups of one account-region as one describe saw them, from when that describe started. */
    private record View(long startedNanos, Map<String, AutoScalingGroup> groups, boolean complete) {
    }

    /** Guarded by itself. */
    private static final class Region {
        private View latest;
        private CompletableFuture<View> inFlight;
        private long inFlightStartedNanos;
        private boolean tooLarge;
        private final Map<String, Long> changedNanos = new HashMap<>();
    }

    private final SpokeClients clients;
    private final Pipelines pipelines;
    private final long freshnessNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<Key, Region> regions = new ConcurrentHashMap<>();

    /**
     * @param freshness how old a completed view may be and still serve; zero to share in-flight describes only
     * @param nanoTime  monotonic time (System::nanoTime; tests move it by hand)
     */
    public AsgDescribes(SpokeClients clients, Pipelines pipelines, Duration freshness, LongSupplier nanoTime) {
        this.clients = clients;
        this.pipelines = pipelines;
        this.freshnessNanos = freshness.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The group as AWS describes it now (within the freshness above), or empty when it does not exist. */
    public CompletableFuture<Optional<AutoScalingGroup>> describe(Target target) {
        Region region = regions.computeIfAbsent(new Key(target.account(), target.region()), key -> new Region());
        CompletableFuture<View> shared;
        boolean leader = false;
        long now;
        synchronized (region) {
            if (region.tooLarge) {
                return describeByName(target);
            }
            now = nanoTime.getAsLong();
            long changed = region.changedNanos.getOrDefault(target.name(), Long.MIN_VALUE);
            View latest = region.latest;
            if (latest != null && latest.startedNanos() > changed && now - latest.startedNanos() <= freshnessNanos) {
                return fromView(latest, target);
            }
            if (region.inFlight != null && region.inFlightStartedNanos > changed) {
                shared = region.inFlight;
            } else {
                shared = new CompletableFuture<>();
                region.inFlight = shared;
                region.inFlightStartedNanos = now;
                leader = true;
            }
        }
        if (leader) {
            lead(target, region, shared, now);
        }
        return Futures.unwrapped(shared).thenCompose(view -> fromView(view, target));
    }

    /**
     * This process changed the group (tags or sizes): views that started before now no longer serve it. Call it
     * after the change call returns or fails (a failed call may still have been applied).
     */
    public void changed(Target target) {
        Region region = regions.computeIfAbsent(new Key(target.account(), target.region()), key -> new Region());
        synchronized (region) {
            region.changedNanos.put(target.name(), nanoTime.getAsLong());
        }
    }

    private void lead(Target target, Region region, CompletableFuture<View> shared, long started) {
        call(target, asg -> asg.describeAutoScalingGroups(b -> b
                .filters(f -> f.name("tag-key").values(OffhoursTags.SCHEDULE)).maxRecords(PAGE)))
                .whenComplete((page, failure) -> {
                    if (failure != null) {
                        synchronized (region) {
                            if (region.inFlight == shared) {
                                region.inFlight = null;
                            }
                        }
                        shared.completeExceptionally(Futures.unwrap(failure));
                        return;
                    }
                    Map<String, AutoScalingGroup> groups = new HashMap<>();
                    page.autoScalingGroups().forEach(group -> groups.put(group.autoScalingGroupName(), group));
                    View view = new View(started, Map.copyOf(groups), page.nextToken() == null);
                    synchronized (region) {
                        if (region.latest == null || region.latest.startedNanos() < started) {
                            region.latest = view;
                        }
                        region.tooLarge |= !view.complete();
                        if (region.inFlight == shared) {
                            region.inFlight = null;
                        }
                    }
                    shared.complete(view);
                });
    }

    private CompletableFuture<Optional<AutoScalingGroup>> fromView(View view, Target target) {
        AutoScalingGroup group = view.groups().get(target.name());
        // Absent: not opted in (then CapacityRules says why it is skipped), deleted, or beyond the first page.
        return group != null ? CompletableFuture.completedFuture(Optional.of(group)) : describeByName(target);
    }

    private CompletableFuture<Optional<AutoScalingGroup>> describeByName(Target target) {
        return call(target, asg -> asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(target.name())))
                .thenApply(response -> response.autoScalingGroups().stream().findFirst());
    }

    private <T> CompletableFuture<T> call(Target target, Function<AutoScalingAsyncClient, CompletableFuture<T>> request) {
        AutoScalingAsyncClient client = clients.autoScalingAsync(target.account(), target.region());
        return pipelines.callAsync(target.account(), target.region(), ApiFamily.AUTOSCALING, () -> request.apply(client));
    }
}
