package dev.offhours.bench;

import dev.offhours.testsupport.store.InMemoryAwakeCapacityStore;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.worker.SpokeClientFactory;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.ApiFamily;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** One implementation under benchmark, on its own fresh fleet, with the counters a storm reads. */
record Contender(String name, SimulatedFleet fleet, WorkItemHandler handler, LongSupplier records,
                 LongSupplier finalRecords, LongSupplier failed, LongSupplier failedByThrottling,
                 LongSupplier lastRecordNanos, Supplier<List<Long>> finalRecordTimes, Runnable resetCounters) {

    /** offhours' worker with every real-time setting (limits, backoffs, queue delays) scaled to simulated time. */
    static Contender offhours(SimulatedFleet fleet, double scale) {
        Clock clock = fleet.time().asClock();
        RoleCredentialsCache credentials = new RoleCredentialsCache(fleet.sts(),
                RoleCredentialsCache.Settings.of(fleet.config().roleName(), fleet.config().externalId()), clock);
        SpokeClientFactory factory = SpokeClientFactory.of(fleet::autoScaling, fleet::eks, fleet::autoScalingAsync, fleet::eksAsync);
        CountingOperationStore store = new CountingOperationStore(new InMemoryOperationStore());
        SpokeWorker.Settings defaults = SpokeWorker.Settings.defaults();
        InMemoryAwakeCapacityStore awake = new InMemoryAwakeCapacityStore();
        SpokeWorker worker = new SpokeWorker(new SpokeClients(factory, credentials),
                new Pipelines(scaled(ResilienceSettings.defaults(), scale)), store, awake, awake, clock, new SpokeWorker.Settings(defaults.recordRetention(), times(defaults.confirmDelay(), scale),
                times(defaults.retryLaterDelay(), scale), times(defaults.asgViewFreshness(), scale)));
        return new Contender("offhours", fleet, worker, store::writes, store::finalWrites, store::failed,
                store::failedByThrottling, store::lastWriteNanos, store::finalWriteTimes, store::resetCounters);
    }

    static Contender naive(SimulatedFleet fleet) {
        NaiveHandler naive = new NaiveHandler(fleet);
        return new Contender("naive", fleet, naive, naive.records::get, naive.records::get, naive.failed::get,
                naive.failedByThrottling::get, naive.lastRecordNanos::get, naive::recordTimes, naive::resetCounters);
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
