package dev.offhours.worker;

import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.AwakeCapacityStore;
import dev.offhours.core.port.IntentLedger;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.port.StoreRefusedException;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.MalformedWorkItemException;
import dev.offhours.core.work.TargetKind;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.worker.action.AsgActions;
import dev.offhours.worker.action.AsgDescribes;
import dev.offhours.worker.action.NodegroupActions;
import dev.offhours.worker.action.TargetActions;
import dev.offhours.aws.AwsErrors;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Futures;
import dev.offhours.worker.runtime.DaemonThreads;
import dev.offhours.worker.resilience.Pipelines;
import io.opentelemetry.context.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link WorkItemHandler} of offhours: decode, skip if a final record exists, begin the intent on the target's
 * {@link IntentLedger}, assume the spoke role, act through the resilience pipelines, write the operation record,
 * finish the intent, and only then answer {@link Outcome#done()}.
 *
 * <p>Idempotent under redelivery: the record key is (schedule, transition, target); a final record ends a
 * redelivered item at once; a crash between the AWS call and the record write finds the target already changed
 * on the next delivery and records it once ({@link TargetOperation}). Ordered per target: an item older than the
 * newest intent begun on its target (late, or redriven) records SUPERSEDED without calling AWS, and one that finds
 * another intent holding the target waits for it. Transient trouble (throttling after the pipeline's retries, a busy
 * rate limiter or target, an EKS update in progress, a store unreachable) answers {@link Outcome#retryLater}, until
 * the item's attempts reach {@link Settings#retryBudget()}: then it records FAILED {@code RetriesExhausted}, so the
 * hub shows the trouble instead of a message in the dead-letter queue. A permanent failure records FAILED at once;
 * a store that refuses (access denied, a missing table: {@link StoreRefusedException}) cannot take that record, so
 * the item goes to the dead-letter queue at once with the store's reason. Failures are classified in one place,
 * {@link AwsErrors#classify}, for spoke calls and store calls alike.
 */
public final class SpokeWorker implements WorkItemHandler {

    /**
     * @param recordRetention   how long operation records live (TTL)
     * @param confirmDelay      when to look again at an asynchronous EKS update
     * @param retryLaterDelay   base delay (jittered up to twice) when throttling or a busy limiter sends an item back
     * @param asgViewFreshness  how old a shared DescribeAutoScalingGroups may be and still serve another work item
     *                          ({@link AsgDescribes}); keep it far below retryLaterDelay and the queue's visibility
     *                          timeout
     * @param lease             how long a begun intent holds its target against other intents; longer than any single
     *                          attempt, and renewed by every delivery of the same item (an EKS update being confirmed)
     * @param retryBudget       attempts of one work item (counted by the item, across its retried copies) after which
     *                          transient trouble ends in a FAILED {@code RetriesExhausted} record
     */
    public record Settings(Duration recordRetention, Duration confirmDelay, Duration retryLaterDelay,
                           Duration asgViewFreshness, Duration lease, int retryBudget) {

        /**
         * Five minutes: an attempt's retries (6 with at most 2 s backoff, each attempt waiting at most 30 s for its
         * permit) end within about four minutes, so a live worker never loses its lease mid-attempt, while a dead one
         * holds its target up to five minutes only.
         */
        public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

        /**
         * 180 attempts: transient retries come back after retryLaterDelay jittered to 10-20 s and EKS confirmations
         * after 15 s, so an item rides out about 30 to 60 minutes of trouble (a store outage, a throttled account, a
         * slow node group update) before it gives up, and a target that never recovers shows as FAILED within the
         * hour instead of waiting forever.
         */
        public static final int DEFAULT_RETRY_BUDGET = 180;

        public Settings {
            if (lease == null || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("lease must be positive, but was " + lease);
            }
            if (retryBudget < 1) {
                throw new IllegalArgumentException("retryBudget must be at least 1, but was " + retryBudget);
            }
        }

        /** The default lease and retry budget. */
        public Settings(Duration recordRetention, Duration confirmDelay, Duration retryLaterDelay,
                        Duration asgViewFreshness) {
            this(recordRetention, confirmDelay, retryLaterDelay, asgViewFreshness, DEFAULT_LEASE, DEFAULT_RETRY_BUDGET);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofDays(90), Duration.ofSeconds(15), Duration.ofSeconds(10),
                    Duration.ofSeconds(1));
        }

        public Settings withLease(Duration value) {
            return new Settings(recordRetention, confirmDelay, retryLaterDelay, asgViewFreshness, value, retryBudget);
        }

        public Settings withRetryBudget(int value) {
            return new Settings(recordRetention, confirmDelay, retryLaterDelay, asgViewFreshness, lease, value);
        }

        public Settings withDelays(Duration confirm, Duration retryLater) {
            return new Settings(recordRetention, confirm, retryLater, asgViewFreshness, lease, retryBudget);
        }
    }

    /** The error code of the record an item writes when its attempts reach the retry budget. */
    public static final String RETRIES_EXHAUSTED = "RetriesExhausted";

    /**
     * Threads of the default store pool: a DynamoDB call takes about 5 to 10 ms, so 32 threads carry 3,000 to 6,000
     * store calls a second, about five per work item, more than the spokes' rate limits let a storm use.
     */
    public static final int DEFAULT_STORE_THREADS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SpokeWorker.class);

    private final WorkItemCodec codec = new WorkItemCodec();
    private final RoleCredentialsCache credentials;
    private final Pipelines pipelines;
    private final OperationStore operations;
    private final AwakeCapacityStore awakeCapacities;
    private final IntentLedger ledger;
    private final Clock clock;
    private final Settings settings;
    private final RecordFactory records;
    private final FailedAttempts failures;
    private final TargetOperation operation;
    private final AsgDescribes asgDescribes;
    private final TargetActions asgActions;
    private final TargetActions nodegroupActions;
    private final Executor storeCalls;

    /**
     * @param ledger orders the work on each target: the hub's inventory store (the same one as
     *               {@code awakeCapacities}), or an in-memory one where there is no inventory table
     */
    public SpokeWorker(SpokeClients clients, Pipelines pipelines, OperationStore operations,
                       AwakeCapacityStore awakeCapacities, IntentLedger ledger, Clock clock, Settings settings) {
        this(clients, pipelines, operations, awakeCapacities, ledger, clock, settings,
                DaemonThreads.fixedPool("offhours-store", DEFAULT_STORE_THREADS));
    }

    /**
     * @param storeCalls where the blocking store calls run (operation records, intent marks, awake capacities): a
     *                   small fixed pool, so that no thread completing an AWS call ever waits for the store
     */
    public SpokeWorker(SpokeClients clients, Pipelines pipelines, OperationStore operations,
                       AwakeCapacityStore awakeCapacities, IntentLedger ledger, Clock clock, Settings settings,
                       Executor storeCalls) {
        // the caller's trace context (the item's span) goes with each store call to the store's thread
        this.storeCalls = Context.taskWrapping(storeCalls);
        this.credentials = clients.credentials();
        this.pipelines = pipelines;
        this.operations = operations;
        this.awakeCapacities = awakeCapacities;
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings;
        this.records = new RecordFactory(clock, settings.recordRetention());
        this.failures = new FailedAttempts(records, credentials, settings.retryLaterDelay());
        this.operation = new TargetOperation(awakeCapacities, records, settings.confirmDelay(), this.storeCalls);
        this.asgDescribes = new AsgDescribes(clients, pipelines, settings.asgViewFreshness(), System::nanoTime);
        this.asgActions = new AsgActions(clients, pipelines, asgDescribes);
        this.nodegroupActions = new NodegroupActions(clients, pipelines);
    }

    @Override
    public Outcome handle(ReceivedMessage message) {
        return Futures.join(handleAsync(message));
    }

    @Override
    public boolean blocking() {
        return false;
    }

    /**
     * Answers at once; the store calls run on the store pool, the AWS calls on the asynchronous clients, and no
     * thread waits for either.
     */
    @Override
    public CompletableFuture<Outcome> handleAsync(ReceivedMessage message) {
        WorkItem item;
        try {
            item = codec.decode(message.body());
        } catch (MalformedWorkItemException e) {
            return CompletableFuture.completedFuture(Outcome.reject(e.getMessage()));
        }
        Instant started = clock.instant();
        // the item counts its retried copies; receives of this copy beyond the first are crashes or fallbacks
        int attempts = item.attempt() + Math.max(1, message.receiveCount()) - 1;
        return attempt(item, attempts, started).thenCompose(outcome -> {
            if (outcome instanceof Outcome.RetryLater retry && attempts >= settings.retryBudget()) {
                return Futures.supply(() -> giveUp(item, attempts, started, retry.reason()), storeCalls);
            }
            return CompletableFuture.completedFuture(outcome);
        });
    }

    /** What the store says before any AWS call: an outcome already, or the record so far and the begun intent. */
    private record Opening(Outcome outcome, Optional<OperationRecord> existing, IntentLedger.Begin begin) {
    }

    private CompletableFuture<Outcome> attempt(WorkItem item, int attempts, Instant started) {
        return Futures.supply(() -> open(item, started), storeCalls).thenCompose(opening -> {
            if (opening.outcome() != null) {
                return CompletableFuture.completedFuture(opening.outcome());
            }
            IntentLedger.Begin begin = opening.begin();
            Optional<OperationRecord> existing = opening.existing();
            return switch (begin.start()) {
                case SUPERSEDED -> Futures.supply(() -> superseded(item, existing, attempts, started, begin.current()),
                        storeCalls);
                case BUSY -> CompletableFuture.completedFuture(failures.later("the target is held by "
                        + describe(begin.current()) + " until " + begin.current().leaseUntil()));
                case STARTED -> execute(item, existing, attempts, started, lastSucceeded(begin), true);
                case UNTRACKED -> execute(item, existing, attempts, started, Optional.empty(), false);
            };
        });
    }

    private Opening open(WorkItem item, Instant started) {
        Optional<OperationRecord> existing;
        try {
            existing = operations.find(key(item));
        } catch (RuntimeException e) {
            return new Opening(failures.storeTrouble(e, "cannot read the operation record: " + e.getMessage()), null, null);
        }
        if (existing.isPresent() && existing.get().status().isFinal()) {
            heal(item, existing.get().status());
            return new Opening(Outcome.done(), existing, null);
        }
        try {
            return new Opening(null, existing, ledger.begin(item.target(), item.schedule(), item.transition(),
                    item.action(), started, settings.lease()));
        } catch (RuntimeException e) {
            return new Opening(failures.storeTrouble(e, "cannot begin the intent on the target's inventory item: "
                    + e.getMessage()), existing, null);
        }
    }

    /**
     * What offhours last did to the target with success, as far as the ledger knows: the previous mark's action when
     * it ended SUCCEEDED (a mark of this same intent, on a redelivery, has had its outcome cleared and tells nothing).
     * A RESIZE that ended SKIPPED counts too: it found the target already at its share (or kept awake by its owner),
     * and a SLEEP after it must not take that share for the awake capacity.
     */
    static Optional<Action> lastSucceeded(IntentLedger.Begin begin) {
        AppliedIntent previous = begin.previous();
        if (previous == null) {
            return Optional.empty();
        }
        boolean counts = previous.outcome() == OperationStatus.SUCCEEDED
                || previous.action() == Action.RESIZE && previous.outcome() == OperationStatus.SKIPPED;
        return counts ? Optional.of(previous.action()) : Optional.empty();
    }

    /** A later intent of the same schedule began on the target: this item must not act; the record says why. */
    private Outcome superseded(WorkItem item, Optional<OperationRecord> existing, int attempts, Instant started,
                               AppliedIntent newer) {
        OperationRecord record = records.build(item, existing, attempts, started, OperationStatus.SUPERSEDED,
                existing.map(OperationRecord::before).orElse(null), null, null, "superseded by " + describe(newer)
                        + ", begun on the target before this item arrived; nothing was changed",
                existing.map(OperationRecord::updateId).orElse(null));
        try {
            operations.save(record);
        } catch (RuntimeException e) {
            return failures.storeTrouble(e, "the operation record could not be written (" + e.getMessage() + ")");
        }
        return Outcome.done();
    }

    /**
     * The item's attempts reached the budget while the trouble lasted: record FAILED so the hub shows it, and end
     * the intent, unless a final record exists already (nothing to give up then).
     */
    private Outcome giveUp(WorkItem item, int attempts, Instant started, String reason) {
        Optional<OperationRecord> existing;
        try {
            existing = operations.find(key(item));
        } catch (RuntimeException e) {
            return failures.storeTrouble(e, "giving up after " + attempts + " attempts, but the operation record cannot be "
                    + "read: " + e.getMessage());
        }
        if (existing.isPresent() && existing.get().status().isFinal()) {
            heal(item, existing.get().status());
            return Outcome.done();
        }
        OperationRecord record = records.build(item, existing, attempts, started, OperationStatus.FAILED,
                existing.map(OperationRecord::before).orElse(null), null, RETRIES_EXHAUSTED,
                "gave up after " + attempts + " attempts (budget " + settings.retryBudget() + "); last reason: " + reason,
                existing.map(OperationRecord::updateId).orElse(null));
        try {
            operations.save(record);
        } catch (RuntimeException e) {
            return failures.storeTrouble(e, "giving up after " + attempts + " attempts, but the operation record could not be "
                    + "written (" + e.getMessage() + ")");
        }
        LOG.warn("{} of {} on {} gave up after {} attempts: {}", item.action(), item.schedule(), item.target().key(),
                attempts, reason);
        heal(item, OperationStatus.FAILED);
        return Outcome.done();
    }

    /**
     * Ends the intent whose final record exists (a no-op unless the mark is still this intent). Best effort: a miss
     * leaves the mark unfinished until its lease ends, and the next delivery of the intent ends it.
     */
    private void heal(WorkItem item, OperationStatus status) {
        try {
            ledger.finish(item.target(), item.schedule(), item.transition(), status, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("the intent {}@{} on {} could not be finished ({}); its lease runs out", item.schedule(),
                    item.transition(), item.target().key(), e.getMessage());
        }
    }

    private static OperationRecord.Key key(WorkItem item) {
        return new OperationRecord.Key(item.schedule(), item.transition(), item.target().key());
    }

    private static String describe(AppliedIntent intent) {
        return intent.action() + " of schedule " + intent.schedule() + " at " + intent.transition();
    }

    /** The credentials, then the target's operation; then the record, on the store pool. */
    private CompletableFuture<Outcome> execute(WorkItem item, Optional<OperationRecord> existing, int attempts,
                                               Instant started, Optional<Action> lastSucceeded, boolean begun) {
        TargetActions actions = item.target().kind() == TargetKind.ASG ? asgActions : nodegroupActions;
        return Futures.start(() -> credentials.credentialsAsync(item.target().account()))
                .thenCompose(ready -> operation.run(item, actions, existing, attempts, started, lastSucceeded))
                .handle((step, failure) -> failure == null ? FailedAttempts.Judged.step(step)
                        : failures.judge(item, existing, attempts, started, Futures.unwrap(failure)))
                .thenCompose(judged -> judged.outcome() != null ? CompletableFuture.completedFuture(judged.outcome())
                        : Futures.supply(() -> record(item, judged.step(), begun), storeCalls));
    }

    /** Writes the step's record; a final one ends the intent (an IN_PROGRESS one keeps its lease). */
    private Outcome record(WorkItem item, TargetOperation.Step step, boolean begun) {
        if (step.record() != null) {
            try {
                operations.save(step.record());
            } catch (RuntimeException e) {
                return failures.storeTrouble(e, "the operation record could not be written (" + e.getMessage()
                        + "); the target will be checked again");
            }
            recordOutcome(step.record());
            if (begun && step.record().status().isFinal()) {
                try {
                    ledger.finish(item.target(), item.schedule(), item.transition(), step.record().status(),
                            clock.instant());
                } catch (RuntimeException e) {
                    // the next delivery finds the final record and finishes the intent then
                    return failures.storeTrouble(e, "the intent could not be finished (" + e.getMessage() + ")");
                }
            }
        }
        return step.waits() ? Outcome.retryLater(step.retryAfter(), step.waitReason()) : Outcome.done();
    }

    /**
     * Tells the hub's inventory the state a successful transition left, so status and the drift sweep need not wait
     * for an event or discovery. Best effort: the operation record is final already, and the next read fixes a miss.
     */
    private void recordOutcome(OperationRecord record) {
        if (record.status() != OperationStatus.SUCCEEDED || record.after() == null) {
            return;
        }
        TargetState state = record.action() == Action.SLEEP ? TargetState.ASLEEP : TargetState.AWAKE;
        try {
            awakeCapacities.recordOutcome(record.targetKey(), state, record.after(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("the inventory state of {} could not be updated after {} ({}); the next discovery or event will",
                    record.targetKey(), record.action(), e.getMessage());
        }
    }
}
