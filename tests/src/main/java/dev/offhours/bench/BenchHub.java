package dev.offhours.bench;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.repository.DirectoryRevisionReader;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's hub: the template repository's schedules, {@link #TARGETS_PER_SCHEDULE} targets per schedule
 * spread over its accounts, and a given number of operation records over the last 6.9 days (2% failed).
 */
final class BenchHub {

    static final int TARGETS_PER_SCHEDULE = 300;

    final ScheduleCatalog catalog;
    final List<InventoryItem> targets = new ArrayList<>();

    BenchHub(ScheduleCatalog catalog) {
        this.catalog = catalog;
    }

    static ScheduleCatalog templateCatalog() {
        for (Path candidate : List.of(Path.of("schedules-repo-template"), Path.of("..", "schedules-repo-template"))) {
            if (Files.isDirectory(candidate)) {
                return new RepositoryReader().read(new DirectoryRevisionReader().read(candidate)).catalog();
            }
        }
        throw new IllegalStateException("run the benchmark from the repository root or a module folder: "
                + "schedules-repo-template is not found");
    }

    void seedInventory(EmbeddedHubStore store, Instant now) {
        seedInventory(store.inventory()::upsert, now, TARGETS_PER_SCHEDULE);
    }

    /** {@code perSchedule} targets per schedule through {@code upsert} (any store's). */
    void seedInventory(java.util.function.Consumer<InventoryItem> upsert, Instant now, int perSchedule) {
        for (Schedule schedule : catalog.schedules().values()) {
            List<Account> accounts = catalog.accounts().select(schedule.scope().accounts());
            for (int i = 0; i < perSchedule; i++) {
                Account account = accounts.get(i % accounts.size());
                Target target = Target.asg(account.id(), account.regions().get(0), schedule.name() + "-asg-" + i);
                InventoryItem item = new InventoryItem(target, schedule.name(), Map.of("offhours.dev/schedule",
                        schedule.name()), new Capacity(0, 0, 0), new Capacity(1, 2, 4),
                        i % 2 == 0 ? TargetState.ASLEEP : TargetState.AWAKE, now, InventoryItem.DISCOVERY, 1, now);
                upsert.accept(item);
                targets.add(item);
            }
        }
    }

    /** Writes {@code count} records, the newest just before {@code now}, about one every 0.6 s for a million. */
    void seedOperations(EmbeddedHubStore store, Instant now, int count) {
        seedOperations(store.operations()::save, now, count);
    }

    /** {@code count} records through {@code save} (any store's). */
    void seedOperations(java.util.function.Consumer<OperationRecord> save, Instant now, int count) {
        long spacingMillis = Math.max(1, Duration.ofHours(165).toMillis() / count);
        Instant newest = now.minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count; i++) {
            Instant created = newest.minusMillis(spacingMillis * i);
            InventoryItem target = targets.get(i % targets.size());
            boolean failed = i % 50 == 7;
            save.accept(new OperationRecord(target.schedule(), created, // a unique key per record
                    target.targetKey(), i % 2 == 0 ? Action.SLEEP : Action.WAKE, new Capacity(1, 2, 4),
                    failed ? null : new Capacity(0, 0, 0), failed ? OperationStatus.FAILED : OperationStatus.SUCCEEDED,
                    1, failed ? "Throttling" : null, failed ? "Rate exceeded" : "done", Duration.ofMillis(140), null,
                    null, created, created.plusMillis(140), created.plus(Duration.ofDays(30))
                    .truncatedTo(ChronoUnit.SECONDS)));
        }
    }
}
