package dev.offhours.reconciler.service;

import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.reconciler.dispatch.CurrentRevision;
import dev.offhours.reconciler.git.FetchLoop;
import dev.offhours.reconciler.reconcile.ReconcileResult;
import dev.offhours.reconciler.reconcile.Reconciler;
import dev.offhours.reconciler.reconcile.RunningRevision;
import dev.offhours.worker.runtime.DaemonThreads;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetch and reconcile on the Git source's interval (with jitter), or at once when the webhook announces a push. After
 * each run it publishes the running revision to the dispatcher, then hands the held registrations to the transition
 * registry, and tells discovery when the onboarded accounts changed. Remembers what the health check reports.
 */
public final class ReconcileLoop implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

    private final Reconciler reconciler;
    private final DeferredRegistry registry;
    private final CurrentRevision revision;
    private final Consumer<AccountRegistry> accountsChanged;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final FetchLoop loop;
    private final AtomicLong runs = new AtomicLong();
    private volatile ReconcileResult lastResult;
    private volatile Instant lastRunAt;
    private volatile Instant lastFetchOkAt;
    private AccountRegistry discoveredAccounts;

    ReconcileLoop(Reconciler reconciler, DeferredRegistry registry, CurrentRevision revision, Duration interval,
                  double jitter, Consumer<AccountRegistry> accountsChanged, Clock clock) {
        this.reconciler = reconciler;
        this.registry = registry;
        this.revision = revision;
        this.accountsChanged = accountsChanged;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("offhours-reconcile"));
        this.loop = new FetchLoop(executor, interval, jitter, () -> ThreadLocalRandom.current().nextDouble(),
                this::runOnce);
    }

    @Override
    public void start() {
        loop.start();
    }

    /** Asks for a fetch now (webhook, tests); returns at once. */
    public void wake() {
        loop.wake();
    }

    @Override
    public void stop() {
        loop.close();
        executor.shutdownNow();
    }

    public Optional<ReconcileResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    public Optional<Instant> lastRunAt() {
        return Optional.ofNullable(lastRunAt);
    }

    /** The end of the last run whose fetch succeeded. */
    public Optional<Instant> lastFetchOkAt() {
        return Optional.ofNullable(lastFetchOkAt);
    }

    public long runs() {
        return runs.get();
    }

    public Optional<RunningRevision> running() {
        return reconciler.running();
    }

    /** The catalog being run, empty before the first valid revision. */
    public ScheduleCatalog runningCatalog() {
        return reconciler.running().map(RunningRevision::catalog).orElse(ScheduleCatalog.EMPTY);
    }

    private void runOnce() {
        ReconcileResult result = reconciler.reconcile();
        Optional<RunningRevision> running = reconciler.running();
        running.ifPresent(r -> revision.set(r.label(), r.catalog().accounts()));
        int changes = registry.flush();
        Instant now = clock.instant();
        lastResult = result;
        lastRunAt = now;
        if (result.outcome() != ReconcileResult.Outcome.FETCH_FAILED) {
            lastFetchOkAt = now;
        }
        runs.incrementAndGet();
        if (changes > 0) {
            LOG.debug("reconcile run handed {} registry changes to the scheduler", changes);
        }
        running.map(r -> r.catalog().accounts()).filter(a -> !Objects.equals(a, discoveredAccounts))
                .ifPresent(accounts -> {
                    discoveredAccounts = accounts;
                    accountsChanged.accept(accounts);
                });
    }
}
