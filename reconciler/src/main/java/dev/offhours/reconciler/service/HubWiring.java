package dev.offhours.reconciler.service;

import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.reconciler.OffhoursConfiguration;
import dev.offhours.reconciler.api.ApiDependencies;
import dev.offhours.reconciler.converge.WakeGate;
import dev.offhours.reconciler.quota.QuotaFindings;
import dev.offhours.reconciler.quota.QuotaPreflights;
import dev.offhours.reconciler.api.HubApi;
import dev.offhours.reconciler.config.AwsConfig;
import dev.offhours.reconciler.config.WorkersConfig;
import dev.offhours.reconciler.dispatch.CurrentRevision;
import dev.offhours.reconciler.converge.ConvergenceLoop;
import dev.offhours.reconciler.converge.ConvergencePass;
import dev.offhours.reconciler.converge.ConvergenceSettings;
import dev.offhours.reconciler.converge.TransitionSpans;
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
import dev.offhours.reconciler.reconcile.CatalogPublisher;
import dev.offhours.reconciler.reconcile.ConvergenceSnapshots;
import dev.offhours.reconciler.reconcile.Reconciler;
import dev.offhours.reconciler.reconcile.RunningRevision;
import dev.offhours.reconciler.service.health.EventsHealthCheck;
import dev.offhours.reconciler.service.health.GitHealthCheck;
import dev.offhours.reconciler.service.health.QueueHealthCheck;
import dev.offhours.reconciler.service.health.SchedulerHealthCheck;
import dev.offhours.reconciler.service.health.StoreHealthCheck;
import dev.offhours.reconciler.transition.QuartzTransitionTimer;
import dev.offhours.worker.WorkerAssembly;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.runtime.DaemonThreads;
import dev.offhours.worker.runtime.PoolSettings;
import dev.offhours.worker.runtime.SqsWorkerPool;
import dev.offhours.worker.tracing.Tracing;
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
 * The one place that connects the hub's parts (called from {@code OffhoursApplication.run}), as a list of named
 * assemblies: stores, the spoke worker ({@link WorkerAssembly}, the same as the Lambda function's) and its SQS
 * pool, the convergence loop with its queue and timer, the Git source and the reconciler, discovery and the
 * event-driven updater; then the webhook, the status API, health checks and metrics. Everything with a lifecycle is
 * handed to Dropwizard, which starts it in this order and stops it in reverse: the reconcile loop stops first, the
 * stores close last. Every number here is configuration or a named constant.
 */
public final class HubWiring {

    private static final Logger LOG = LoggerFactory.getLogger(HubWiring.class);

    /**
     * Connections of the hub's SQS client beyond the worker threads and the dispatcher's senders: the pool's
     * receiver, its delete batcher and delayed retry copies, the event updater's receiver and deletes, the dead-letter
     * sends and the health check each hold one now and then.
     */
    static final int SQS_CONNECTIONS_BESIDE_WORKERS_AND_SENDERS = 8;

    /** The Git health check fails after this many poll intervals (plus one fetch's timeout) without a fetch. */
    static final int GIT_POLLS_MISSED_BEFORE_UNHEALTHY = 3;

    /** The traces' {@code service.name} unless {@code OTEL_SERVICE_NAME} says otherwise. */
    static final String TRACES_SERVICE_NAME = "offhours-hub";

    /**
     * A wave's quota checks get this share of the convergence lease: the pass holds the lease while they run, and
     * the other half is left for sending the wave before another hub may take the pass over.
     */
    static final int LEASE_SHARES_PER_QUOTA_BUDGET = 2;
    /** Characters of a random UUID in the lease owner's name: two hubs in one JVM (tests) still differ. */
    static final int OWNER_RANDOM_CHARS = 6;

    private final OffhoursConfiguration config;
    private final Environment environment;
    private final LifecycleEnvironment lifecycle;
    private final Clock clock;

    private HubWiring(OffhoursConfiguration config, Environment environment, Clock clock) {
        this.config = config;
        this.environment = environment;
        this.lifecycle = environment.lifecycle();
        this.clock = clock;
    }

    /** The Git side: where schedules come from, and the applied revision's catalog as the rest reads it. */
    private record Schedules(GitSource source, Reconciler reconciler, DeferredRegistry deferred,
                             Supplier<ScheduleCatalog> catalog) {
    }

    /** The convergence side: the published revision, the loop and its timer, the queue it sends to. */
    private record Convergence(CurrentRevision revision, ConvergenceLoop loop) {
    }

    /**
     * @param spokes how the hub reaches spoke accounts: AWS ({@link SpokeAccess#aws}) in the service, the
     *               simulated fleet in the demo
     */
    public static Hub wire(OffhoursConfiguration config, Environment environment, Clock clock, SpokeAccess spokes) {
        HubWiring wiring = new HubWiring(config, environment, clock);
        String owner = owner();
        // first managed, so stopped last: the spans of everything else's shutdown still leave
        Tracing tracing = Tracing.install(Tracing.fromEnvironment(TRACES_SERVICE_NAME));
        wiring.lifecycle.manage(ManagedResource.closing("tracing", tracing));
        HubNotifications notifications = HubNotifications.open(config.notifications(), config.aws(), clock,
                wiring.lifecycle);
        HubStores stores = wiring.stores(notifications);
        wiring.lifecycle.manage(ManagedResource.closing("spoke clients", spokes.close()));
        SqsClient sqs = wiring.sqs();
        WorkerAssembly worker = wiring.worker(spokes, stores, tracing);
        // one listing for discovery and the event-driven updater, so both obey the same rate limits and breakers
        SpokeListing listing = new SpokeListing(worker.spokes(), worker.pipelines());
        Optional<SqsWorkerPool> pool = config.workers().enabled()
                ? Optional.of(wiring.workerPool(worker, sqs)) : Optional.empty();
        QuotaPreflights quota = QuotaPreflights.open(config.quota(), spokes.quota(), worker.spokes(),
                stores.operations(), stores.inventory(), config.workers().recordRetention(),
                config.transitions().settings(config.dispatch().pageSize()).lease().dividedBy(LEASE_SHARES_PER_QUOTA_BUDGET), clock);
        wiring.lifecycle.manage(ManagedResource.closing("quota pre-flight clients", quota.close()));
        Convergence convergence = wiring.convergence(stores, sqs, owner, notifications, tracing, quota.gate());
        Schedules schedules = wiring.schedules(stores, convergence);
        Optional<DiscoveryScheduler> discovery = config.discovery().enabled()
                ? Optional.of(wiring.discovery(stores, listing, convergence.revision(), schedules.catalog()))
                : Optional.empty();
        Optional<DiscoveryTrigger> trigger = discovery.map(DiscoveryTrigger::new);
        trigger.ifPresent(wiring.lifecycle::manage);
        Optional<InventoryUpdater> updater = config.events().enabled()
                ? Optional.of(wiring.inventoryUpdater(worker.roles(), sqs, listing, stores, convergence.revision(),
                        schedules.catalog(), tracing))
                : Optional.empty();
        ReconcileLoop loop = wiring.reconcileLoop(schedules, convergence.revision(), trigger);
        wiring.api(loop, stores, schedules.catalog(), quota.findings());
        wiring.healthChecks(loop, stores, sqs, convergence.loop(), updater);
        Hub hub = new Hub(stores, loop, convergence.loop(), convergence.revision(), pool, discovery,
                worker.credentials(), owner);
        wiring.metrics(hub, worker, stores, schedules.catalog(), updater, notifications);
        quota.registerGauges(wiring.environment.metrics());
        LOG.info("offhours hub {}: {}, Git {} ({}), work queue {}, {} workers, events queue {}", owner,
                stores.description(), schedules.source().displayUrl(), config.git().branch(),
                config.dispatch().workQueueUrl(), pool.isPresent() ? config.workers().concurrency() : 0,
                updater.isPresent() ? config.events().queueUrl() : "off");
        return hub;
    }

    /** The stores, watched by the notifications (an account turning degraded or recovering is announced). */
    private HubStores stores(HubNotifications notifications) {
        HubStores stores = notifications.observe(HubStores.open(config.store(), config.aws()));
        lifecycle.manage(ManagedResource.closing("stores", stores.close()));
        return stores;
    }

    private SqsClient sqs() {
        SqsClient sqs = HubClients.sqs(config.aws(), config.workers().concurrency()
                + config.dispatch().sendConcurrency() + SQS_CONNECTIONS_BESIDE_WORKERS_AND_SENDERS);
        lifecycle.manage(ManagedResource.closing("SQS client", sqs));
        return sqs;
    }

    /** The spoke worker as the Lambda function has it, with the settings of the {@code workers:} section. */
    static WorkerAssembly worker(AwsConfig aws, WorkersConfig workers, SpokeAccess spokes, HubStores stores,
                                 Clock clock) {
        return worker(aws, workers, spokes, stores, clock, Tracing.OFF);
    }

    static WorkerAssembly worker(AwsConfig aws, WorkersConfig workers, SpokeAccess spokes, HubStores stores,
                                 Clock clock, Tracing tracing) {
        return WorkerAssembly.assemble(spokes.sts(), spokes.clients(), aws.spokeRoleName(), aws.externalId(),
                WorkerAssembly.Stores.of(stores.operations(), stores.inventory()), workers.workerSettings(), clock,
                tracing);
    }

    private WorkerAssembly worker(SpokeAccess spokes, HubStores stores, Tracing tracing) {
        WorkerAssembly worker = worker(config.aws(), config.workers(), spokes, stores, clock, tracing);
        lifecycle.manage(ManagedResource.closing("spoke SDK clients", worker.spokes()));
        return worker;
    }

    private SqsWorkerPool workerPool(WorkerAssembly worker, SqsClient sqs) {
        WorkersConfig workers = config.workers();
        PoolSettings settings = PoolSettings.defaults(config.dispatch().workQueueUrl(), workers.deadLetterQueueUrl())
                .withMaxInFlight(workers.concurrency())
                .withReceiveWait(workers.receiveWait());
        SqsWorkerPool pool = new SqsWorkerPool(sqs, worker.handler(), settings);
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

    private Convergence convergence(HubStores stores, SqsClient sqs, String owner, HubNotifications notifications,
                                    Tracing tracing, WakeGate wakeGate) {
        SqsWorkQueue workQueue = config.dispatch().workQueue(sqs);
        lifecycle.manage(ManagedResource.closing("work queue senders", workQueue));
        ConvergenceSettings settings = config.transitions().settings(config.dispatch().pageSize());
        ConvergencePass pass = new ConvergencePass(stores.control(), stores.inventory(), workQueue, settings, owner,
                notifications.announcer(stores), new TransitionSpans(tracing), wakeGate);
        CurrentRevision revision = new CurrentRevision();
        QuartzTransitionTimer timer = new QuartzTransitionTimer(clock);
        ConvergenceLoop loop = new ConvergenceLoop(stores.control(), pass, revision, timer, settings, clock);
        lifecycle.manage(new ManagedResource("convergence loop", loop::start, loop::stop));
        return new Convergence(revision, loop);
    }

    private Schedules schedules(HubStores stores, Convergence convergence) {
        GitSource source = new GitSource(config.git(), clock);
        lifecycle.manage(ManagedResource.closing("Git source", source));
        DeferredRegistry deferred = new DeferredRegistry(convergence.loop());
        // the applied revision also goes to the control table, where the status API's Lambda function reads it
        Reconciler reconciler = new Reconciler(source, new RepositoryReader(), deferred, stores.control(),
                new CatalogPublisher(stores.catalogs(), clock), clock);
        Supplier<ScheduleCatalog> catalog =
                () -> reconciler.running().map(RunningRevision::catalog).orElse(ScheduleCatalog.EMPTY);
        return new Schedules(source, reconciler, deferred, catalog);
    }

    private DiscoveryScheduler discovery(HubStores stores, SpokeListing listing, CurrentRevision revision,
                                         Supplier<ScheduleCatalog> catalog) {
        DiscoveryConfig discoveryConfig = config.discovery();
        Discovery discovery = new Discovery(listing, stores.inventory(), stores.control(),
                () -> revision.get().accounts(), AsleepShapes.fromCatalog(catalog), discoveryConfig.settings(), clock);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("offhours-discovery-schedule"));
        return new DiscoveryScheduler(discovery::run, executor, discoveryConfig.intervalDuration());
    }

    /** Started after the stores and the spoke clients, stopped before them (Dropwizard stops in reverse order). */
    private InventoryUpdater inventoryUpdater(RoleCredentialsCache.Settings roles, SqsClient sqs, SpokeListing listing,
                                              HubStores stores, CurrentRevision revision,
                                              Supplier<ScheduleCatalog> catalog, Tracing tracing) {
        EventsConfig events = config.events();
        InventoryUpdater updater = new InventoryUpdater(sqs, events.settings(),
                new SpokeEventParser(roles.roleName()), listing, stores.inventory(),
                stores.control(), () -> revision.get().accounts(), AsleepShapes.fromCatalog(catalog), clock, tracing);
        lifecycle.manage(new ManagedResource("inventory updater", updater::start, updater));
        return updater;
    }

    private ReconcileLoop reconcileLoop(Schedules schedules, CurrentRevision revision,
                                        Optional<DiscoveryTrigger> discovery) {
        GitSourceConfig git = config.git();
        Consumer<AccountRegistry> accountsChanged = discovery.isPresent() ? discovery.get() : accounts -> { };
        ReconcileLoop loop = new ReconcileLoop(schedules.reconciler(), schedules.deferred(), revision,
                git.pollInterval(), git.jitter(), accountsChanged, clock);
        lifecycle.manage(loop);
        return loop;
    }

    /** The webhook (when a secret is configured), the status API and the dashboard. */
    private void api(ReconcileLoop loop, HubStores stores, Supplier<ScheduleCatalog> catalog, QuotaFindings quota) {
        GitSourceConfig git = config.git();
        git.webhookSecret().ifPresent(secret ->
                environment.jersey().register(new GitHubWebhookResource(secret, git.branch(), loop::wake)));
        HubApi.register(environment.jersey(), new ApiDependencies(catalog, stores.control(),
                stores.inventory(), stores.history(), stores.operations(), clock,
                config.convergence().overdueAfter(), config.workers().recordRetention(),
                config.events().enabled(), quota), config.api());
    }

    private void healthChecks(ReconcileLoop loop, HubStores stores, SqsClient sqs, ConvergenceLoop convergence,
                              Optional<InventoryUpdater> updater) {
        GitSourceConfig git = config.git();
        Duration gitMaxAge = git.pollInterval().multipliedBy(GIT_POLLS_MISSED_BEFORE_UNHEALTHY).plus(git.timeout());
        environment.healthChecks().register("git", new GitHealthCheck(loop, gitMaxAge, clock));
        environment.healthChecks().register("store", new StoreHealthCheck(stores.control(), stores.description()));
        environment.healthChecks().register("sqs", new QueueHealthCheck(sqs, config.dispatch().workQueueUrl()));
        environment.healthChecks().register("scheduler", new SchedulerHealthCheck(convergence));
        updater.ifPresent(events -> environment.healthChecks().register("events",
                new EventsHealthCheck(events::lastReceiveAt, EventsHealthCheck.DEFAULT_MAX_AGE, clock)));
    }

    private void metrics(Hub hub, WorkerAssembly worker, HubStores stores, Supplier<ScheduleCatalog> catalog,
                         Optional<InventoryUpdater> updater, HubNotifications notifications) {
        ConvergenceSnapshots snapshots = new ConvergenceSnapshots(catalog, stores.control(), clock,
                config.convergence().overdueAfter(), HubMetrics.CONVERGENCE_REFRESH);
        HubMetrics.register(environment.metrics(), hub, worker.pipelines(), snapshots);
        notifications.publish(hub, snapshots, lifecycle);
        updater.ifPresent(events -> UpdaterMetrics.register(environment.metrics(), events));
        environment.admin().addServlet("prometheus", new PrometheusServlet(environment.metrics()))
                .addMapping("/metrics/prometheus");
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
                + UUID.randomUUID().toString().substring(0, OWNER_RANDOM_CHARS);
    }
}
