package dev.offhours.reconciler.service;

import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.reconciler.OffhoursConfiguration;
import dev.offhours.reconciler.api.ApiDependencies;
import dev.offhours.reconciler.api.HubApi;
import dev.offhours.reconciler.config.AwsConfig;
import dev.offhours.reconciler.config.WorkersConfig;
import dev.offhours.reconciler.dispatch.CurrentRevision;
import dev.offhours.reconciler.converge.ConvergenceLoop;
import dev.offhours.reconciler.converge.ConvergencePass;
import dev.offhours.reconciler.converge.ConvergenceSettings;
import dev.offhours.reconciler.dispatch.SqsWorkQueue;
import dev.offhours.reconciler.events.EventsConfig;
import dev.offhours.reconciler.events.InventoryUpdater;
import dev.offhours.reconciler.events.SpokeEventParser;
import dev.offhours.reconciler.events.UpdaterMetrics;
import dev.offhours.reconciler.git.GitHubWebhookResource;
import dev.offhours.reconciler.git.GitSource;
import dev.offhours.reconciler.git.GitSourceConfig;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.inventory.Discovery;
import dev.offhours.reconciler.inventory.DiscoveryConfig;
import dev.offhours.reconciler.inventory.DiscoveryScheduler;
import dev.offhours.reconciler.inventory.SpokeListing;
import dev.offhours.reconciler.reconcile.ConvergenceSnapshots;
import dev.offhours.reconciler.reconcile.CatalogPublisher;
import dev.offhours.reconciler.reconcile.Reconciler;
import dev.offhours.reconciler.reconcile.RunningRevision;
import dev.offhours.reconciler.service.health.EventsHealthCheck;
import dev.offhours.reconciler.service.health.GitHealthCheck;
import dev.offhours.reconciler.service.health.QueueHealthCheck;
import dev.offhours.reconciler.service.health.SchedulerHealthCheck;
import dev.offhours.reconciler.service.health.StoreHealthCheck;
import dev.offhours.reconciler.transition.QuartzTransitionTimer;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import dev.offhours.worker.runtime.PoolSettings;
import dev.offhours.worker.runtime.SqsWorkerPool;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one place that connects the hub's parts (called from {@code OffhoursApplication.run}): stores, the spoke
 * worker and its SQS pool, the dispatcher and the Quartz registry, the Git source and the reconciler, discovery; then
 * health checks, metrics, the webhook and the status API with its dashboard. Everything with a lifecycle is handed
 * to Dropwizard, which starts it in this order and stops it in reverse: the reconcile loop stops first, the stores
 * close last.
 */
public final class HubWiring {

    private static final Logger LOG = LoggerFactory.getLogger(HubWiring.class);

    private HubWiring() {
    }

    public static Hub wire(OffhoursConfiguration config, Environment environment, Clock clock) {
        LifecycleEnvironment lifecycle = environment.lifecycle();
        AwsConfig aws = config.aws();
        WorkersConfig workers = config.workers();
        String owner = owner();

        HubStores stores = HubStores.open(config.store(), aws);
        lifecycle.manage(ManagedResource.closing("stores", stores.close()));
        SpokeAccess spokes = config.spokeAccess().orElseGet(() -> SpokeAccess.aws(aws, workers.concurrency() * 2));
        lifecycle.manage(ManagedResource.closing("spoke clients", spokes.close()));
        SqsClient sqs = HubClients.sqs(aws, workers.concurrency() + config.dispatch().getSendConcurrency() + 8);
        lifecycle.manage(ManagedResource.closing("SQS client", sqs));

        RoleCredentialsCache.Settings roles = RoleCredentialsCache.Settings.of(aws.spokeRoleName(), aws.externalId());
        RoleCredentialsCache credentials = new RoleCredentialsCache(spokes.sts(), roles, clock);
        SpokeClients spokeClients = new SpokeClients(spokes.clients(), credentials);
        lifecycle.manage(ManagedResource.closing("spoke SDK clients", spokeClients));
        Pipelines pipelines = new Pipelines(ResilienceSettings.defaults());
        // one listing for discovery and the event-driven updater, so both obey the same rate limits and breakers
        SpokeListing listing = new SpokeListing(spokeClients, pipelines);

        Optional<SqsWorkerPool> pool = workers.enabled()
                ? Optional.of(workerPool(config, stores, spokeClients, pipelines, sqs, clock, lifecycle))
                : Optional.empty();

        SqsWorkQueue workQueue = config.dispatch().workQueue(sqs);
        lifecycle.manage(ManagedResource.closing("work queue senders", workQueue));
        ConvergenceSettings convergence = config.transitions().settings(config.dispatch().getPageSize());
        ConvergencePass pass = new ConvergencePass(stores.control(), stores.inventory(), workQueue, convergence,
                owner);
        CurrentRevision revision = new CurrentRevision();
        QuartzTransitionTimer timer = new QuartzTransitionTimer(clock);
        ConvergenceLoop registry = new ConvergenceLoop(stores.control(), pass, revision, timer, convergence, clock);
        lifecycle.manage(new ManagedResource("convergence loop", registry::start, registry::stop));

        GitSourceConfig git = config.git();
        GitSource source = new GitSource(git, clock);
        lifecycle.manage(ManagedResource.closing("Git source", source));
        DeferredRegistry deferred = new DeferredRegistry(registry);
        Reconciler reconciler = new Reconciler(source, new RepositoryReader(), deferred, stores.control(),
                new CatalogPublisher(stores.catalogs(), clock), clock);

        Supplier<ScheduleCatalog> runningCatalog =
                () -> reconciler.running().map(RunningRevision::catalog).orElse(ScheduleCatalog.EMPTY);

        Optional<DiscoveryScheduler> discovery = Optional.empty();
        Consumer<AccountRegistry> accountsChanged = accounts -> { };
        if (config.discovery().isEnabled()) {
            DiscoveryScheduler scheduler = discoveryScheduler(config.discovery(), stores, listing, revision,
                    runningCatalog, clock);
            DiscoveryTrigger trigger = new DiscoveryTrigger(scheduler);
            lifecycle.manage(trigger);
            discovery = Optional.of(scheduler);
            accountsChanged = trigger;
        }
        Optional<InventoryUpdater> updater = config.events().enabled()
                ? Optional.of(inventoryUpdater(config.events(), roles, sqs, listing, stores, revision, runningCatalog,
                        clock, lifecycle))
                : Optional.empty();
        ReconcileLoop loop = new ReconcileLoop(reconciler, deferred, revision, git.pollInterval(), git.jitter(),
                accountsChanged, clock);
        lifecycle.manage(loop);

        git.webhookSecret().ifPresent(secret ->
                environment.jersey().register(new GitHubWebhookResource(secret, git.branch(), loop::wake)));
        HubApi.register(environment.jersey(), new ApiDependencies(runningCatalog, stores.control(),
                stores.inventory(), stores.history(), stores.operations(), clock,
                config.convergence().overdueAfter(), workers.recordRetention(), config.events().enabled()),
                config.api());

        Duration gitMaxAge = git.pollInterval().multipliedBy(3).plus(git.timeout());
        environment.healthChecks().register("git", new GitHealthCheck(loop, gitMaxAge, clock));
        environment.healthChecks().register("store", new StoreHealthCheck(stores.control(), stores.description()));
        environment.healthChecks().register("sqs", new QueueHealthCheck(sqs, config.dispatch().getWorkQueueUrl()));
        environment.healthChecks().register("scheduler", new SchedulerHealthCheck(registry));
        updater.ifPresent(events -> environment.healthChecks().register("events",
                new EventsHealthCheck(events::lastReceiveAt, EventsHealthCheck.DEFAULT_MAX_AGE, clock)));

        Hub hub = new Hub(stores, loop, registry, revision, pool, discovery, credentials, owner);
        HubMetrics.register(environment.metrics(), hub, pipelines, new ConvergenceSnapshots(runningCatalog,
                stores.control(), clock, config.convergence().overdueAfter(), HubMetrics.CONVERGENCE_REFRESH));
        updater.ifPresent(events -> UpdaterMetrics.register(environment.metrics(), events));
        environment.admin().addServlet("prometheus", new PrometheusServlet(environment.metrics()))
                .addMapping("/metrics/prometheus");
        LOG.info("offhours hub {}: {}, Git {} ({}), work queue {}, {} workers, events queue {}", owner,
                stores.description(), source.displayUrl(), git.branch(), config.dispatch().getWorkQueueUrl(),
                workers.enabled() ? workers.concurrency() : 0,
                updater.isPresent() ? config.events().queueUrl() : "off");
        return hub;
    }

    private static SqsWorkerPool workerPool(OffhoursConfiguration config, HubStores stores, SpokeClients clients,
                                            Pipelines pipelines, SqsClient sqs, Clock clock,
                                            LifecycleEnvironment lifecycle) {
        WorkersConfig workers = config.workers();
        SpokeWorker.Settings defaults = SpokeWorker.Settings.defaults();
        // the inventory store keeps both the saved awake capacities and the intent marks that order the work
        SpokeWorker worker = new SpokeWorker(clients, pipelines, stores.operations(), stores.inventory(),
                stores.inventory(), clock,
                new SpokeWorker.Settings(workers.recordRetention(), workers.confirmDelay(),
                        workers.retryLaterDelay(), defaults.asgViewFreshness(), workers.intentLease(),
                        workers.retryBudget()));
        PoolSettings settings = PoolSettings.defaults(config.dispatch().getWorkQueueUrl(), workers.deadLetterQueueUrl())
                .withMaxInFlight(workers.concurrency())
                .withReceiveWait(workers.receiveWait());
        SqsWorkerPool pool = new SqsWorkerPool(sqs, worker, settings);
        lifecycle.manage(new ManagedResource("worker pool", pool::start, () -> {
            SqsWorkerPool.StopReport report = pool.stop(workers.shutdownGrace());
            if (!report.inFlightFinished()) {
                LOG.warn("the worker pool stopped with {} work items unfinished; SQS delivers them again",
                        report.abandoned());
            }
            pool.close();
        }));
        return pool;
    }

    /** Started after the stores and the spoke clients, stopped before them (Dropwizard stops in reverse order). */
    private static InventoryUpdater inventoryUpdater(EventsConfig config, RoleCredentialsCache.Settings roles,
                                                     SqsClient sqs, SpokeListing listing, HubStores stores,
                                                     CurrentRevision revision, Supplier<ScheduleCatalog> catalog,
                                                     Clock clock, LifecycleEnvironment lifecycle) {
        InventoryUpdater updater = new InventoryUpdater(sqs, config.settings(),
                new SpokeEventParser(roles.roleName()), listing, stores.inventory(),
                stores.control(), () -> revision.get().accounts(), AsleepShapes.fromCatalog(catalog), clock);
        lifecycle.manage(new ManagedResource("inventory updater", updater::start, updater));
        return updater;
    }

    private static DiscoveryScheduler discoveryScheduler(DiscoveryConfig config, HubStores stores,
                                                         SpokeListing listing, CurrentRevision revision,
                                                         Supplier<ScheduleCatalog> catalog, Clock clock) {
        Discovery discovery = new Discovery(listing, stores.inventory(), stores.control(),
                () -> revision.get().accounts(), AsleepShapes.fromCatalog(catalog), config.settings(), clock);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "offhours-discovery-schedule");
            thread.setDaemon(true);
            return thread;
        });
        return new DiscoveryScheduler(discovery::run, executor, config.intervalDuration());
    }

    /** Host, process id and a short random part: unique per replica, also for two hubs in one test JVM. */
    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 6);
    }
}
