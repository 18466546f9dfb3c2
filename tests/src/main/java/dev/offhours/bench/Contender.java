package dev.offhours.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.worker.SpokeClientFactory;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.ApiFamily;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import dev.offhours.worker.runtime.PoolMetrics;
import dev.offhours.worker.runtime.PoolSettings;
import dev.offhours.worker.runtime.SqsWorkerPool;
import dev.offhours.worker.runtime.lambda.WorkerLambdaHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One implementation under benchmark: its worker, how the service runs it on a queue, how a Lambda function wraps
 * it (null when the contender has no Lambda mode), and the counters a storm reads.
 *
 * @param inFlight how many work items the contender keeps in flight in service mode
 */
record Contender(String name, int inFlight, StormFleet fleet, WorkItemHandler handler, StormCounters counters,
                 ServiceStart service, LambdaFunction lambda) {

    /** The service's consumer, started on a storm's queue. */
    interface ServiceStart {
        Running start(EmbeddedElasticMq mq, SqsClient sqs, EmbeddedElasticMq.QueuePair queues);
    }

    /** A consumer that is running; stopping it lets what is in flight finish and answers the queue's counts. */
    interface Running {
        PoolMetrics.Snapshot stop();
    }

    /** The function one Lambda environment runs on each batch the event source mapping hands it. */
    interface LambdaFunction {
        RequestHandler<SQSEvent, SQSBatchResponse> build(SqsClient sqs, String deadLetterQueueUrl);
    }

    /**
     * offhours' worker with every real-time setting (limits, backoffs, queue delays) scaled to simulated time, and
     * its own credentials cache and pipelines; the fleet's stores are the hub's, shared. The one place that builds
     * offhours: both the service mode and each Lambda environment get their worker here.
     */
    static Contender offhours(StormFleet fleet, double scale, int inFlight) {
        SpokeWorker worker = worker(fleet, scale, ResilienceSettings.defaults());
        return new Contender("offhours-" + inFlight, inFlight, fleet, worker, StormCounters.of(fleet.operations()),
                pool(worker, inFlight), lambda(worker));
    }

    /**
     * offhours as one of {@code environments} Lambda environments: its own worker, caches and pipelines, with its
     * share of the hub's STS quota, as the function's environment variable gives it; no service mode.
     */
    static Contender lambdaEnvironment(StormFleet fleet, double scale, int environments) {
        SpokeWorker worker = worker(fleet, scale, ResilienceSettings.defaults().sharedBy(environments));
        return new Contender("offhours", 0, fleet, worker, StormCounters.of(fleet.operations()), null, lambda(worker));
    }

    private static SpokeWorker worker(StormFleet fleet, double scale, ResilienceSettings resilience) {
        Clock clock = fleet.spokes().time().asClock();
        Pipelines pipelines = new Pipelines(scaled(resilience, scale));
        RoleCredentialsCache credentials = new RoleCredentialsCache(fleet.spokes().stsAsync(),
                RoleCredentialsCache.Settings.of(fleet.spokes().config().roleName(),
                        fleet.spokes().config().externalId()), clock, pipelines.stsGuard());
        SpokeClientFactory factory = SpokeClientFactory.of(fleet.spokes()::autoScaling, fleet.spokes()::eks,
                fleet.spokes()::autoScalingAsync, fleet.spokes()::eksAsync);
        SpokeWorker.Settings defaults = SpokeWorker.Settings.defaults();
        return new SpokeWorker(new SpokeClients(factory, credentials), pipelines, fleet.operations(), fleet.awake(),
                fleet.awake(), clock, new SpokeWorker.Settings(defaults.recordRetention(),
                times(defaults.confirmDelay(), scale), times(defaults.retryLaterDelay(), scale),
                times(defaults.asgViewFreshness(), scale)));
    }

    private static LambdaFunction lambda(WorkItemHandler worker) {
        return (sqs, deadLetters) -> new WorkerLambdaHandler(worker, sqs, deadLetters);
    }

    /** The naive baseline at the 50 in flight, in service mode only. */
    static Contender naive(StormFleet fleet) {
        NaiveHandler naive = new NaiveHandler(fleet.spokes());
        return new Contender("naive", StormSettings.BASELINE_IN_FLIGHT, fleet, naive, StormCounters.of(naive),
                pool(naive, StormSettings.BASELINE_IN_FLIGHT), null);
    }

    /**
     * The service's consumer, 1 s long polls so that stopping is quick: offhours' asynchronous worker holds no thread
     * per item in flight; the naive baseline blocks, so the pool gives it one per message.
     */
    private static ServiceStart pool(WorkItemHandler handler, int inFlight) {
        return (mq, sqs, queues) -> {
            SqsWorkerPool pool = new SqsWorkerPool(sqs, handler,
                    PoolSettings.defaults(queues.workQueueUrl(), queues.deadLetterQueueUrl()).withMaxInFlight(inFlight)
                            .withReceiveWait(Duration.ofSeconds(1)));
            pool.start();
            return () -> {
                pool.stop(Duration.ofSeconds(10));
                return pool.metrics();
            };
        };
    }

    /** Rates divided by the scale, delays multiplied by it: the same behaviour in simulated time. */
    static ResilienceSettings scaled(ResilienceSettings settings, double scale) {
        Map<ApiFamily, ResilienceSettings.RateLimit> limits = new EnumMap<>(ApiFamily.class);
        settings.limits().forEach((family, limit) -> limits.put(family,
                new ResilienceSettings.RateLimit(limit.perSecond() / scale, limit.burst(), limit.smooth())));
        return new ResilienceSettings(limits, settings.maxRetries(), times(settings.baseDelay(), scale),
                times(settings.maxDelay(), scale), times(settings.maxPermitWait(), scale), settings.breakerFailures(),
                times(settings.breakerDelay(), scale), times(settings.retryLaterDelay(), scale));
    }

    private static Duration times(Duration duration, double scale) {
        return Duration.ofNanos((long) (duration.toNanos() * scale));
    }
}
