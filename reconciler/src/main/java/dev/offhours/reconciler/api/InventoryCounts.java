package dev.offhours.reconciler.api;

import dev.offhours.api.UnknownScheduleView;
import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.ScheduleCatalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of targets by state per schedule, per account and region, and in total. Counting reads the whole inventory
 * (one partition Query per account and region), so it is done at most once per refresh interval and shared by every
 * request: a burst of dashboard refreshes costs one count, not one per request.
 */
final class InventoryCounts {

    /** One count: when it was taken and its tallies. */
    record Snapshot(Instant countedAt, Map<String, Long> total, Map<String, Map<String, Long>> bySchedule,
                    Map<String, Map<String, Long>> byAccountRegion, Map<String, TreeSet<String>> placesBySchedule) {

        /**
         * The schedule names targets are tagged with that {@code catalog} lacks, with where they are: typos in tags
         * (judged at request time, so a revision applied since the count is taken into account).
         */
        List<UnknownScheduleView> unknownSchedules(ScheduleCatalog catalog) {
            return bySchedule.entrySet().stream()
                    .filter(e -> catalog.schedule(e.getKey()).isEmpty())
                    .map(e -> new UnknownScheduleView(e.getKey(),
                            e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                            List.copyOf(placesBySchedule.getOrDefault(e.getKey(), new TreeSet<>()))))
                    .toList();
        }

        Map<String, Long> schedule(String name) {
            return bySchedule.getOrDefault(name, empty());
        }

        Map<String, Long> accountRegion(String account, String region) {
            return byAccountRegion.getOrDefault(account + "/" + region, empty());
        }
    }

    private final ApiDependencies deps;
    private final Duration refresh;
    private Snapshot snapshot;

    InventoryCounts(ApiDependencies deps, Duration refresh) {
        this.deps = deps;
        this.refresh = refresh;
    }

    synchronized Snapshot current() {
        Instant now = deps.clock().instant();
        if (snapshot == null || !now.isBefore(snapshot.countedAt().plus(refresh))) {
            snapshot = count(now);
        }
        return snapshot;
    }

    private Snapshot count(Instant now) {
        Map<String, Long> total = empty();
        Map<String, Map<String, Long>> bySchedule = new TreeMap<>();
        Map<String, Map<String, Long>> byAccountRegion = new TreeMap<>();
        Map<String, TreeSet<String>> places = new TreeMap<>();
        for (String pair : accountRegions()) {
            String[] parts = pair.split("/", 2);
            for (InventoryItem item : deps.inventory().allByAccountRegion(parts[0], parts[1])) {
                String state = item.state().name();
                total.merge(state, 1L, Long::sum);
                bySchedule.computeIfAbsent(item.schedule(), k -> empty()).merge(state, 1L, Long::sum);
                byAccountRegion.computeIfAbsent(pair, k -> empty()).merge(state, 1L, Long::sum);
                places.computeIfAbsent(item.schedule(), k -> new TreeSet<>()).add(pair);
            }
        }
        return new Snapshot(now, total, bySchedule, byAccountRegion, places);
    }

    /** Every account/region the hub knows: onboarded in the catalog, or with health recorded by discovery. */
    private TreeSet<String> accountRegions() {
        TreeSet<String> pairs = new TreeSet<>();
        ScheduleCatalog catalog = deps.catalog().get();
        for (Account account : catalog.accounts().accounts()) {
            account.regions().forEach(region -> pairs.add(account.id() + "/" + region));
        }
        List<AccountHealth> health = deps.control().accountHealth();
        health.forEach(h -> pairs.add(h.account() + "/" + h.region()));
        return pairs;
    }

    static Map<String, Long> empty() {
        Map<String, Long> counts = new TreeMap<>();
        for (TargetState state : TargetState.values()) {
            counts.put(state.name(), 0L);
        }
        return counts;
    }
}
