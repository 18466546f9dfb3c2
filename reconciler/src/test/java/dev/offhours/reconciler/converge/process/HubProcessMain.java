package dev.offhours.reconciler.converge.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.reconciler.converge.ConvergenceLoop;
import dev.offhours.reconciler.converge.ConvergencePass;
import dev.offhours.reconciler.dispatch.CurrentRevision;
import dev.offhours.reconciler.dispatch.SqsWorkQueue;
import dev.offhours.reconciler.git.GitSource;
import dev.offhours.reconciler.git.GitSourceConfig;
import dev.offhours.reconciler.reconcile.ReconcileResult;
import dev.offhours.reconciler.reconcile.Reconciler;
import dev.offhours.reconciler.service.DeferredRegistry;
import dev.offhours.store.dynamodb.DynamoDbControlStore;
import dev.offhours.reconciler.transition.QuartzTransitionTimer;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The hub's convergence path as a process of its own, so that it can be killed with {@code kill -9}: the schedules
 * repository through GitSource and the Reconciler, the convergence loop on its Quartz timer, and the DynamoDB
 * control and inventory tables and the SQS work queue (moto) as the only memory. No worker, no discovery, no HTTP:
 * the caller runs the workers and fills the inventory. Prints {@code hub-ready <owner>} once the loop runs.
 */
public final class HubProcessMain {

    /** The line a launcher waits for on the process's output. */
    public static final String READY = "hub-ready ";
    private static final Logger LOG = LoggerFactory.getLogger(HubProcessMain.class);

    private HubProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        HubProcessConfig config = HubProcessConfig.parse(args);
        quietLogging();
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = LocalAws.client(DynamoDbClient.builder(), config.storeEndpoint(), config.region(), 16);
        SqsClient sqs = LocalAws.client(SqsClient.builder(), config.queueEndpoint(), config.region(),
                config.sendConcurrency() + 4);
        HubTableDefinitions.TableNames names = HubTableDefinitions.TableNames.withPrefix(config.tablePrefix());
        DynamoDbControlStore control = new DynamoDbControlStore(dynamo, names.control(), clock);
        DynamoDbInventoryStore inventory = new DynamoDbInventoryStore(dynamo, names.inventory());
        SqsWorkQueue queue = new SqsWorkQueue(sqs, config.queueUrl(), config.sendConcurrency(), 5,
                Duration.ofMillis(100));
        ConvergencePass pass = new ConvergencePass(control, inventory, queue, config.settings(), config.owner());
        CurrentRevision revision = new CurrentRevision();
        ConvergenceLoop loop = new ConvergenceLoop(control, pass, revision, new QuartzTransitionTimer(clock),
                config.settings(), clock);
        GitSource source = new GitSource(new GitSourceConfig().url(config.repository().toString())
                .localDirectory(config.cloneDirectory()), clock);
        DeferredRegistry held = new DeferredRegistry(loop);
        Reconciler reconciler = new Reconciler(source, new RepositoryReader(), held, control, clock);

        loop.start();
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();
        poll.scheduleWithFixedDelay(() -> reconcile(reconciler, held, revision), 0, config.poll().toMillis(),
                TimeUnit.MILLISECONDS);
        System.out.println(READY + config.owner());
        System.out.flush();
        Thread.currentThread().join(); // until killed: the point of this process
    }

    /**
     * One fetch; whatever the reconciler registered is handed to the loop only after the revision is published, as
     * the service does, and even when the run failed after registering (a store outage while writing the status).
     */
    private static void reconcile(Reconciler reconciler, DeferredRegistry held, CurrentRevision revision) {
        try {
            ReconcileResult result = reconciler.reconcile();
            if (result.outcome() == ReconcileResult.Outcome.APPLIED) {
                LOG.info("applied {}", reconciler.running().map(r -> r.label()).orElse("?"));
            }
        } catch (RuntimeException e) {
            LOG.warn("reconcile failed, tried again at the next poll: {}", e.toString());
        }
        reconciler.running().ifPresent(r -> revision.set(r.label(), r.catalog().accounts()));
        held.flush();
    }

    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("dev.offhours.reconciler.converge").setLevel(Level.INFO);
        }
    }
}
