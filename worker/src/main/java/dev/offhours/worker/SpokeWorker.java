package dev.offhours.worker;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.RateLimitExceededException;
import dev.offhours.core.port.AwakeCapacityStore;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
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
import dev.offhours.worker.action.TargetNotFoundException;
import dev.offhours.worker.aws.AwsErrors;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.ApiFamily;
import dev.offhours.worker.resilience.Pipelines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;

/**
 * The {@link WorkItemHandler} of offhours: decode, skip if a final record exists, assume the spoke role, act
 * through the resilience pipelines, write the operation record, and only then answer {@link Outcome#done()}.
 *
 * <p>Idempotent under redelivery: the record key is (schedule, transition, target); a final record ends a
 * redelivered item at once; a crash between the AWS call and the record write finds the target already changed
 * on the next delivery and records it once ({@link TargetOperation}). Transient trouble (throttling after the
 * in-thread retries, a busy rate limiter, an EKS update in progress, the store unreachable) answers
 * {@link Outcome#retryLater}; a permanent one records FAILED and answers done.
 */
public final class SpokeWorker implements WorkItemHandler {

    /**
     * @param recordRetention   how long operation records live (TTL)
     * @param confirmDelay      when to look again at an asynchronous EKS update
     * @param retryLaterDelay   base delay (jittered up to twice) when throttling or a busy limiter sends an item back
     * @param asgViewFreshness  how old a shared DescribeAutoScalingGroups may be and still serve another work item
     *                          ({@link AsgDescribes}); keep it far below retryLaterDelay and the queue's visibility
     *                          timeout
     */
    public record Settings(Duration recordRetention, Duration confirmDelay, Duration retryLaterDelay,
                           Duration asgViewFreshness) {
        public static Settings defaults() {
            return new Settings(Duration.ofDays(90), Duration.ofSeconds(15), Duration.ofSeconds(10),
                    Duration.ofSeconds(1));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SpokeWorker.class);

    private final WorkItemCodec codec = new WorkItemCodec();
    private final RoleCredentialsCache credentials;
    private final Pipelines pipelines;
    private final OperationStore operations;
    private final AwakeCapacityStore awakeCapacities;
    private final Clock clock;
    private final Settings settings;
    private final RecordFactory records;
    private final TargetOperation operation;
    private final AsgDescribes asgDescribes;
    private final TargetActions asgActions;
    private final TargetActions nodegroupActions;

    public SpokeWorker(SpokeClients clients, Pipelines pipelines, OperationStore operations,
                       AwakeCapacityStore awakeCapacities, Clock clock, Settings settings) {
        this.credentials = clients.credentials();
        this.pipelines = pipelines;
        this.operations = operations;
        this.awakeCapacities = awakeCapacities;
        this.clock = clock;
        this.settings = settings;
        this.records = new RecordFactory(clock, settings.recordRetention());
        this.operation = new TargetOperation(awakeCapacities, records, settings.confirmDelay());
        this.asgDescribes = new AsgDescribes(clients, pipelines, settings.asgViewFreshness(), System::nanoTime);
        this.asgActions = new AsgActions(clients, pipelines, asgDescribes);
        this.nodegroupActions = new NodegroupActions(clients, pipelines);
    }

    /** The shared Auto Scaling describes (their counters are benchmark figures). */
    public AsgDescribes asgDescribes() {
        return asgDescribes;
    }

    @Override
    public Outcome handle(ReceivedMessage message) {
        WorkItem item;
        try {
            item = codec.decode(message.body());
        } catch (MalformedWorkItemException e) {
            return Outcome.reject(e.getMessage());
        }
        Instant started = clock.instant();
        int attempts = Math.max(1, message.receiveCount());
        Optional<OperationRecord> existing;
        try {
            existing = operations.find(new OperationRecord.Key(item.schedule(), item.transition(), item.target().key()));
        } catch (RuntimeException e) {
            return Outcome.retryLater(settings.retryLaterDelay(), "cannot read the operation record: " + e.getMessage());
        }
        if (existing.isPresent() && existing.get().status().isFinal()) {
            return Outcome.done();
        }
        return execute(item, existing, attempts, started);
    }

    private Outcome execute(WorkItem item, Optional<OperationRecord> existing, int attempts, Instant started) {
        String account = item.target().account();
        TargetOperation.Step step;
        try {
            if (credentials.needsRefresh(account)) {
                pipelines.call(account, item.target().region(), ApiFamily.STS, () -> credentials.credentials(account));
            }
            TargetActions actions = item.target().kind() == TargetKind.ASG ? asgActions : nodegroupActions;
            step = operation.run(item, actions, existing, attempts, started);
        } catch (CircuitBreakerOpenException e) {
            step = failed(item, existing, attempts, started, "AccountUnavailable", "calls to account " + account
                    + " are paused because its role " + credentials.roleArn(account) + " could not be assumed recently");
        } catch (RateLimitExceededException e) {
            return later("the rate limit of account " + account + " in " + item.target().region() + " is used up");
        } catch (ResourceInUseException e) {
            return later("the node group is busy with another update: " + e.awsErrorDetails().errorMessage());
        } catch (TargetNotFoundException e) {
            step = failed(item, existing, attempts, started, "NotFound", e.getMessage());
        } catch (AwsServiceException e) {
            if (AwsErrors.isTransient(e)) {
                return later("transient " + AwsErrors.errorCode(e) + " after retries: " + e.awsErrorDetails().errorMessage());
            }
            String what = AwsErrors.isRoleUnavailable(e) ? "cannot assume role " + credentials.roleArn(account) + ": " : "";
            step = failed(item, existing, attempts, started, AwsErrors.errorCode(e), what + e.awsErrorDetails().errorMessage());
        } catch (RuntimeException e) {
            if (AwsErrors.isTransient(e)) {
                return later("transient " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            step = failed(item, existing, attempts, started, "InternalError", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return record(step);
    }

    private Outcome record(TargetOperation.Step step) {
        if (step.record() != null) {
            try {
                operations.save(step.record());
            } catch (RuntimeException e) {
                return later("the operation record could not be written (" + e.getMessage() + "); the target will be checked again");
            }
            recordOutcome(step.record());
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

    private TargetOperation.Step failed(WorkItem item, Optional<OperationRecord> existing, int attempts, Instant started,
                                        String code, String message) {
        return TargetOperation.Step.finish(records.build(item, existing, attempts, started, OperationStatus.FAILED,
                existing.map(OperationRecord::before).orElse(null), null, code, message, null));
    }

    private Outcome later(String reason) {
        long base = settings.retryLaterDelay().toMillis();
        return Outcome.retryLater(Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1)), reason);
    }
}
