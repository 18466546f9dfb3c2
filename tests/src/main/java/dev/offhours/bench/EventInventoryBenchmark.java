package dev.offhours.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.reconciler.inventory.SpokeListing;
import dev.offhours.simulator.AccountRegion;
import dev.offhours.simulator.ApiFamily;
import dev.offhours.simulator.FleetBuilder;
import dev.offhours.simulator.FleetTime;
import dev.offhours.simulator.ManualTime;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.worker.SpokeClientFactory;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.LoggerFactory;

/**
 * Event-driven inventory against polling, with the real updater on both parts.
 *
 * <p>Part one ("calls"), for a fleet of 10,000 targets (100 accounts x 2 regions x 25 ASGs + 25 node groups) on the
 * simulator. Polling: the real discovery listing of every account-region, counted once (on a same-shaped fleet in
 * real time) and taken 12 times an hour (every 5 minutes). Event-driven: one seeded day in simulated time
 * ({@link DayOfChanges}: owners' scalings, offhours' wake and sleep with the worker's outcome records, scaling
 * policies, instance events, opt-ins, deletions) driven through embedded ElasticMQ, the real
 * {@code InventoryUpdater} and an embedded hub store seeded at 00:00 with what a discovery would find
 * ({@link EventDay}). Its calls are every Auto Scaling and EKS call the hub made to the simulator during the day
 * (the owners' and policies' changes are made without counted calls), plus one full discovery a day (the
 * anti-entropy run, default interval 24 h). AssumeRole calls are left out of both figures, as STS is a separate
 * budget; the day's count is printed on its own. The inventory is compared with the simulator's truth at every full
 * hour (items whose last change is over 10 minutes old: missed changes) and at the end of the day (every item).
 *
 * <p>Part two ("latency"), in real time: {@link EventLatency}.
 *
 * <p>Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl tests -DskipTests
 * -Pevent-inventory-benchmark package}
 */
public final class EventInventoryBenchmark {

    private static final int ACCOUNTS = 100;
    private static final int PER_KIND = 25;
    private static final Instant MIDNIGHT = Instant.parse("2026-03-02T00:00:00Z");
    private static final int NEWCOMERS = 10;
    private static final int DELETIONS = 10;

    private EventInventoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN); // one line per owner change
        }
        ManualTime time = FleetTime.manual(MIDNIGHT);
        SimulatedFleet fleet = fleet().time(time).build();
        print("targets", fleet.targets().size());
        print("account_regions", fleet.accountRegions().size());
        long pollCalls = onePoll();
        double pollingPerHour = pollCalls * 12.0;
        print("polling_calls_per_poll", pollCalls);
        print("polling_calls_per_hour", Math.round(pollingPerHour));

        EventDay eventDay = new EventDay(fleet, time);
        Map<dev.offhours.simulator.Target, dev.offhours.simulator.Capacity> awake = eventDay.lastNight();
        DayOfChanges.Day day = DayOfChanges.generate(MIDNIGHT, 7, eventDay.offhours(), awake,
                eventDay.newcomers(NEWCOMERS, 17), DELETIONS);
        for (DayOfChanges.Kind kind : DayOfChanges.Kind.values()) {
            print("changes_per_day_" + kind.name().toLowerCase(), day.changes().get(kind));
        }
        print("changes_per_day", day.changes().values().stream().mapToInt(Integer::intValue).sum());
        print("events_per_day", day.events());
        EventDay.Result result = eventDay.run(day);
        double eventsPerHour = (result.spokeCalls() + pollCalls) / 24.0;
        print("event_messages_sent", result.messagesSent());
        print("event_spoke_reads_per_day", result.spokeCalls());
        print("event_daily_discovery_calls", pollCalls);
        print("event_calls_per_hour", String.format("%.1f", eventsPerHour));
        print("calls_ratio_polling_to_events", String.format("%.1f", pollingPerHour / eventsPerHour));
        print("event_assume_role_calls_per_day_not_counted", result.assumeRoleCalls());
        print("updater_messages", result.stats().messages());
        print("updater_applied", result.stats().applied());
        print("updater_refreshes", result.stats().refreshes());
        print("updater_updated_by_read", result.stats().updated());
        print("updater_removed", result.stats().removed());
        print("updater_stale", result.stats().stale());
        print("updater_not_ours", result.stats().notOurs());
        print("updater_own_changes", result.stats().selfInflicted());
        print("updater_external_changes", result.stats().externalChanges());
        print("updater_dead_lettered", result.stats().deadLettered());
        print("updater_failed_refreshes", result.stats().failedRefreshes());
        print("updater_orphaned_asleep", result.stats().orphanedAsleep());
        print("inventory_items_wrong_at_end_of_day", result.atEnd().wrong());
        print("inventory_items_capacity_differs", result.atEnd().differ());
        print("inventory_items_missing", result.atEnd().missing());
        print("inventory_items_left_over", result.atEnd().extra());
        // items still wrong 10 minutes after their resource's last change: changes the updater missed
        print("inventory_items_wrong_settled_at_full_hours", result.settledWrongByHour().stream()
                .map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        print("inventory_items_wrong_settled_first", result.firstSettledWrong());
        print("inventory_items_wrong_settled_max", result.settledWrongByHour().stream().mapToInt(Integer::intValue)
                .max().orElse(0));
        print("day_wall_seconds", String.format("%.1f", result.wall().toMillis() / 1000.0));

        EventLatency.Figures latency = EventLatency.measure();
        print("latency_samples", latency.carried().size() + " of " + latency.carriedSent());
        print("latency_p50_ms", percentile(latency.carried(), 0.50));
        print("latency_p99_ms", percentile(latency.carried(), 0.99));
        print("latency_max_ms", latency.carried().isEmpty() ? -1 : latency.carried().get(latency.carried().size() - 1));
        print("latency_read_samples", latency.read().size() + " of " + latency.readSent());
        print("latency_read_p50_ms", percentile(latency.read(), 0.50));
        print("latency_read_p99_ms", percentile(latency.read(), 0.99));
        print("latency_read_max_ms", latency.read().isEmpty() ? -1 : latency.read().get(latency.read().size() - 1));
        print("latency_updater_applied", latency.applied());
        print("latency_updater_refreshes", latency.refreshes());
        print("latency_dead_lettered", latency.deadLettered());
    }

    /**
     * One round of polling: the real discovery listing of every account-region, 16 at once, on a fleet of the same
     * shape in real time (its token buckets refill while the listing retries).
     */
    private static long onePoll() throws Exception {
        SimulatedFleet fleet = fleet().build();
        try (SpokeClients clients = clients(fleet, Clock.systemUTC())) {
            SpokeListing listing = new SpokeListing(clients, new Pipelines(ResilienceSettings.defaults()));
            fleet.accountRegions().forEach(ar -> listing.assumeRole(ar.account(), ar.region()));
            fleet.metrics().reset();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (AccountRegion ar : fleet.accountRegions()) {
                    runs.add(pool.submit(() -> listing.list(ar.account(), ar.region())));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Map<ApiFamily, Long> byFamily = fleet.metrics().snapshot().callsByFamily();
            return byFamily.getOrDefault(ApiFamily.AUTOSCALING, 0L) + byFamily.getOrDefault(ApiFamily.EKS, 0L);
        }
    }

    private static FleetBuilder fleet() {
        return SimulatedFleet.builder().seed(11).accounts(ACCOUNTS).regions("eu-west-1", "eu-central-1")
                .asgsPerAccountRegion(PER_KIND).nodegroupsPerAccountRegion(PER_KIND).clustersPerAccountRegion(1)
                .noLatency();
    }

    /** The hub's spoke clients on the simulator, credentials expiring on {@code clock}. */
    static SpokeClients clients(SimulatedFleet fleet, Clock clock) {
        RoleCredentialsCache credentials = new RoleCredentialsCache(fleet.sts(),
                RoleCredentialsCache.Settings.of(fleet.config().roleName(), fleet.config().externalId()), clock);
        return new SpokeClients(SpokeClientFactory.of(fleet::autoScaling, fleet::eks, fleet::autoScalingAsync, fleet::eksAsync), credentials);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void print(String name, Object value) {
        System.out.println(name + ": " + value);
    }
}
