package dev.offhours.reconciler.inventory;

import dev.failsafe.CircuitBreakerOpenException;
import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.aws.AwsErrors;
import dev.offhours.worker.runtime.DaemonThreads;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inventory by discovery (anti-entropy behind the event-driven inventory): lists the
 * opted-in ASGs and node groups of every onboarded account and region, a bounded number of account-regions at once,
 * and brings the inventory in line with what it found (see {@link InventorySync} for versions).
 *
 * <p>Failures are isolated per account-region: whatever fails there (the role cannot be assumed, AccessDenied,
 * throttling beyond the retries, a timeout) marks it {@link HealthStatus#DEGRADED} with a readable sentence and
 * leaves its inventory as it was, since a failed listing says nothing about what exists. The other account-regions
 * carry on; a run as a whole never fails because of an account.
 */
public final class Discovery {

    /**
     * @param concurrency   account-regions listed at once (each uses its own rate-limit buckets)
     * @param progressEvery log progress after every this many account-regions
     */
    public record Settings(int concurrency, int progressEvery) {
        public static final Settings DEFAULTS = new Settings(16, 100);

        public Settings {
            if (concurrency < 1 || progressEvery < 1) {
                throw new IllegalArgumentException("discovery concurrency and progress interval must be at least 1,"
                        + " but were " + concurrency + " and " + progressEvery);
            }
        }
    }

    private record AccountRegion(String account, String region) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    private final SpokeListing listing;
    private final InventorySync sync;
    private final ControlStore control;
    private final Supplier<AccountRegistry> accounts;
    private final Settings settings;
    private final Clock clock;

    /**
     * @param listing  built on the worker's {@code SpokeClients} and {@code Pipelines} (share them with the worker
     *                 pool so that both obey the same rate limits and breakers)
     * @param accounts the onboarded accounts, read at the start of every run (e.g. the applied revision's registry)
     * @param shapes   each schedule's asleep capacity, to tell asleep from awake
     */
    public Discovery(SpokeListing listing, InventoryStore inventory,
                     ControlStore control, Supplier<AccountRegistry> accounts, AsleepShapes shapes, Settings settings,
                     Clock clock) {
        this.listing = listing;
        this.sync = new InventorySync(inventory, listing, shapes,
                new OrphanReports(control, clock, OrphanReport.DISCOVERY), clock);
        this.control = control;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** One complete run; blocks until every account-region is done. Never throws for an account's failure. */
    public DiscoveryReport run() {
        Instant started = clock.instant();
        long version = started.toEpochMilli();
        List<AccountRegion> work = accountRegions(accounts.get());
        LOG.info("discovery started: {} account-regions, {} at once, version {}", work.size(), settings.concurrency(), version);
        ConcurrentMap<String, String> roleFailures = new ConcurrentHashMap<>();
        List<AccountRegionResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.concurrency(), work.size())),
                DaemonThreads.numbered("offhours-discovery"));
        try {
            CompletionService<AccountRegionResult> done = new ExecutorCompletionService<>(pool);
            work.forEach(ar -> done.submit(() -> discover(ar, version, roleFailures)));
            for (int i = 0; i < work.size(); i++) {
                results.add(done.take().get());
                progress(results, work.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("discovery was interrupted after " + results.size() + " of " + work.size()
                    + " account-regions", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("discovery failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        DiscoveryReport report = DiscoveryReport.of(started, clock.instant(), version, results);
        LOG.info("{}", report.summary());
        report.errors().forEach(e -> LOG.warn("discovery: account {} region {} is degraded: {}", e.account(), e.region(), e.error()));
        return report;
    }

    private AccountRegionResult discover(AccountRegion ar, long version, ConcurrentMap<String, String> roleFailures) {
        AccountRegionResult result;
        try {
            SpokeInventory spoke = listing.list(ar.account(), ar.region());
            result = sync.apply(ar.account(), ar.region(), spoke, version);
        } catch (RuntimeException e) {
            String sentence = DiscoveryErrors.sentence(ar.account(), ar.region(), listing.roleArn(ar.account()), e);
            if (AwsErrors.isRoleUnavailable(e)) {
                roleFailures.putIfAbsent(ar.account(), sentence);
            } else if (e instanceof CircuitBreakerOpenException && roleFailures.containsKey(ar.account())) {
                // the breaker opened on this run's own denial in another region: name that cause, not the breaker
                sentence = roleFailures.get(ar.account());
            }
            result = AccountRegionResult.degraded(ar.account(), ar.region(), sentence);
        }
        saveHealth(result);
        return result;
    }

    private void saveHealth(AccountRegionResult result) {
        try {
            control.recordDiscovery(new AccountHealth(result.account(), result.region(), result.status(),
                    clock.instant(), null, result.error(), result.corrected()));
        } catch (RuntimeException e) {
            LOG.warn("discovery could not save the health of account {} region {}: {}", result.account(),
                    result.region(), e.getMessage());
        }
    }

    private void progress(List<AccountRegionResult> results, int total) {
        int count = results.size();
        if (count % settings.progressEvery() == 0 && count < total) {
            long degraded = results.stream().filter(r -> r.status() == HealthStatus.DEGRADED).count();
            int found = results.stream().mapToInt(AccountRegionResult::found).sum();
            LOG.info("discovery progress: {} of {} account-regions done ({} degraded), {} opted-in resources so far",
                    count, total, degraded, found);
        }
    }

    private static List<AccountRegion> accountRegions(AccountRegistry registry) {
        Set<AccountRegion> all = new LinkedHashSet<>();
        for (Account account : registry.accounts()) {
            if (account.regions().isEmpty()) {
                LOG.warn("account {} ({}) lists no regions, so discovery has nothing to look at", account.id(), account.alias());
            }
            account.regions().forEach(region -> all.add(new AccountRegion(account.id(), region)));
        }
        return List.copyOf(all);
    }
}
