package dev.offhours.reconciler.dispatch;

import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.StoreUnavailableException;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.WorkItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one transition of one schedule into one work item per in-scope target on the work queue, exactly once across
 * replicas: the first {@link ControlStore#claim} wins, every later caller sends nothing. Targets come from the
 * inventory's {@code bySchedule} index page by page (never a scan). Thread-safe.
 *
 * <p>Claims of things that are not transitions use a suffixed schedule name, so they never collide with a real
 * transition and never become the schedule's latest dispatch: {@code <schedule>#removed} (wake on removal, keyed by
 * the minute) and {@code <schedule>#sweep} (drift sweep, keyed by the sweep bucket). Two replicas acting within the
 * same minute or bucket therefore send once; a replica that applies the same removal a minute later sends the wakes
 * again, which the worker treats as a no-op for targets already awake.
 */
public final class Dispatcher {

    public static final String REMOVED_SUFFIX = "#removed";
    public static final String SWEEP_SUFFIX = "#sweep";
    private static final int READ_ATTEMPTS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ControlStore control;
    private final InventoryStore inventory;
    private final WorkQueue queue;
    private final Clock clock;
    private final String owner;
    private final int pageSize;

    /**
     * @param owner who claims (written into each claim): one name per replica, e.g. host name and process id
     */
    public Dispatcher(ControlStore control, InventoryStore inventory, WorkQueue queue, Clock clock, String owner) {
        this(control, inventory, queue, clock, owner, InventoryStore.MAX_PAGE);
    }

    public Dispatcher(ControlStore control, InventoryStore inventory, WorkQueue queue, Clock clock, String owner,
                      int pageSize) {
        this.control = Objects.requireNonNull(control, "control");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("dispatcher owner must name this replica, e.g. host:pid");
        }
        this.owner = owner;
        InventoryStore.checkLimit(pageSize);
        this.pageSize = pageSize;
    }

    /** Dispatches the transition at {@code transition} into {@code state} to every in-scope target. */
    public DispatchResult dispatch(Schedule schedule, Instant transition, PowerState state, Revision revision) {
        String name = schedule.name();
        if (schedule.suspend()) {
            LOG.info("schedule {} is suspended: transition {} to {} dispatches nothing", name, transition, state);
            return DispatchResult.skipped(name, transition, DispatchResult.Outcome.SUSPENDED,
                    "schedule is suspended (suspend: true): no work dispatched");
        }
        if (!control.claim(name, transition, owner, clock.instant())) {
            return claimedElsewhere(name, name, transition);
        }
        DispatchResult result = send(schedule, transition, actionFor(state), revision, item -> true);
        control.recordDispatch(name, transition, result.sent(), clock.instant());
        log("transition", result, state.name());
        return result;
    }

    /**
     * Wakes every in-scope target of a removed schedule that is not known to be awake (asleep or unknown). Applies to
     * a suspended schedule too: removing the file hands the targets back. The work items carry {@code removedAt}
     * truncated to the minute.
     */
    public DispatchResult wakeRemoved(Schedule schedule, Instant removedAt, Revision revision) {
        String claimName = schedule.name() + REMOVED_SUFFIX;
        Instant minute = removedAt.truncatedTo(ChronoUnit.MINUTES);
        if (!control.claim(claimName, minute, owner, clock.instant())) {
            return claimedElsewhere(schedule.name(), claimName, minute);
        }
        DispatchResult result = send(schedule, minute, Action.WAKE, revision,
                item -> item.state() != TargetState.AWAKE);
        control.recordDispatch(claimName, minute, result.sent(), clock.instant());
        log("removal wake", result, "AWAKE");
        return result;
    }

    /**
     * Puts back the in-scope targets whose known state is the opposite of {@code desired} (UNKNOWN is not drift:
     * nothing says the target differs). Once per {@code bucket} across replicas.
     */
    public DispatchResult sweep(Schedule schedule, Instant bucket, PowerState desired, Revision revision) {
        String name = schedule.name();
        if (schedule.suspend()) {
            return DispatchResult.skipped(name, bucket, DispatchResult.Outcome.SUSPENDED,
                    "schedule is suspended (suspend: true): no drift sweep");
        }
        String claimName = name + SWEEP_SUFFIX;
        if (!control.claim(claimName, bucket, owner, clock.instant())) {
            return claimedElsewhere(name, claimName, bucket);
        }
        TargetState drifted = desired == PowerState.AWAKE ? TargetState.ASLEEP : TargetState.AWAKE;
        DispatchResult result = send(schedule, bucket, actionFor(desired), revision, item -> item.state() == drifted);
        if (result.sent() > 0) {
            log("drift sweep", result, desired.name());
        }
        return result;
    }

    private DispatchResult send(Schedule schedule, Instant at, Action action, Revision revision,
                                Predicate<InventoryItem> wanted) {
        ScopeFilter scope = ScopeFilter.of(schedule.scope(), revision.accounts());
        String traceparent = Traceparent.next();
        // pages are sent while the next one is read; the queue bounds how many batches are in flight
        CompletableFuture<SendReport> report = CompletableFuture.completedFuture(SendReport.NOTHING);
        int pages = 0;
        int items = 0;
        String cursor = null;
        do {
            Page<InventoryItem> page = readPage(schedule.name(), cursor);
            pages++;
            items += page.items().size();
            List<WorkItem> work = page.items().stream()
                    .filter(item -> scope.test(item.target()) && wanted.test(item))
                    .map(item -> WorkItem.of(schedule.name(), at, action, item.target(), schedule.asleep(),
                            revision.id(), traceparent))
                    .toList();
            if (!work.isEmpty()) {
                report = report.thenCombine(queue.sendAllAsync(work), SendReport::plus);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new DispatchResult(schedule.name(), at, DispatchResult.Outcome.DISPATCHED, pages, items,
                report.join(), "trace " + traceparent);
    }

    /**
     * A page of targets, retried briefly: the transition is claimed already, and a claim whose dispatch fails
     * stays claimed (the catch-up cannot take it over), so a short store hiccup must not lose the transition.
     */
    private Page<InventoryItem> readPage(String schedule, String cursor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inventory.bySchedule(schedule, cursor, pageSize);
            } catch (StoreUnavailableException e) {
                if (attempt == READ_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("reading the targets of schedule {} failed (attempt {} of {}), retrying: {}", schedule,
                        attempt, READ_ATTEMPTS, e.getMessage());
                pause(Duration.ofMillis(250L * attempt * attempt));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to retry an inventory read", e);
        }
    }

    private DispatchResult claimedElsewhere(String schedule, String claimName, Instant at) {
        String holder = control.claimOf(claimName, at).map(c -> c.owner()).orElse("another replica");
        return DispatchResult.skipped(schedule, at, DispatchResult.Outcome.CLAIMED_ELSEWHERE,
                "already claimed by " + holder);
    }

    private static void log(String what, DispatchResult result, String state) {
        SendReport report = result.report();
        if (report.failed() > 0) {
            LOG.error("{} of schedule {} at {} to {}: {} work items sent, {} could not be enqueued after retries: {}",
                    what, result.schedule(), result.transition(), state, report.sent(), report.failed(),
                    report.errors());
        } else {
            LOG.info("{} of schedule {} at {} to {}: {} work items sent ({} inventory items read, {})", what,
                    result.schedule(), result.transition(), state, report.sent(), result.itemsRead(), result.detail());
        }
    }

    private static Action actionFor(PowerState state) {
        return state == PowerState.ASLEEP ? Action.SLEEP : Action.WAKE;
    }
}
