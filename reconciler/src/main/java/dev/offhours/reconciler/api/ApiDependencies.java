package dev.offhours.reconciler.api;

import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.reconciler.config.ConvergenceConfig;
import dev.offhours.reconciler.quota.QuotaFindings;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the status API reads: the hub's stores (through their ports: Query/GetItem only) and the catalog the
 * reconciler runs now. Nothing here reaches a spoke account.
 *
 * @param catalog    the applied catalog, e.g. {@code () -> reconciler.running().map(RunningRevision::catalog)
 *                   .orElse(ScheduleCatalog.EMPTY)}
 * @param operations   the write-side store, for lookups of one record by key
 * @param overdueAfter a schedule not converged this long after its intent's since is overdue
 * @param recordRetention operation records expire after this long, so no listing reaches further back
 * @param eventsEnabled   whether the event-driven inventory runs, so accounts without events can be flagged
 * @param quota           the quota pre-flight's latest findings (empty when it is off)
 */
public record ApiDependencies(Supplier<ScheduleCatalog> catalog, ControlStore control, InventoryStore inventory,
                              OperationHistory history, OperationStore operations, Clock clock,
                              Duration overdueAfter, Duration recordRetention, boolean eventsEnabled,
                              QuotaFindings quota) {

    /** Without quota findings. */
    public ApiDependencies(Supplier<ScheduleCatalog> catalog, ControlStore control, InventoryStore inventory,
                           OperationHistory history, OperationStore operations, Clock clock,
                           Duration overdueAfter, Duration recordRetention, boolean eventsEnabled) {
        this(catalog, control, inventory, history, operations, clock, overdueAfter, recordRetention, eventsEnabled,
                new QuotaFindings(clock));
    }

    /** The default {@code workers.recordRetention}. */
    public static final Duration DEFAULT_RECORD_RETENTION = Duration.ofDays(90);

    /** Without the event-driven inventory. */
    public ApiDependencies(Supplier<ScheduleCatalog> catalog, ControlStore control, InventoryStore inventory,
                           OperationHistory history, OperationStore operations, Clock clock,
                           Duration overdueAfter, Duration recordRetention) {
        this(catalog, control, inventory, history, operations, clock, overdueAfter, recordRetention, false);
    }

    /** With the default {@code workers.recordRetention}. */
    public ApiDependencies(Supplier<ScheduleCatalog> catalog, ControlStore control, InventoryStore inventory,
                           OperationHistory history, OperationStore operations, Clock clock,
                           Duration overdueAfter) {
        this(catalog, control, inventory, history, operations, clock, overdueAfter, DEFAULT_RECORD_RETENTION);
    }

    /** With the default {@code convergence.overdueAfter}. */
    public ApiDependencies(Supplier<ScheduleCatalog> catalog, ControlStore control, InventoryStore inventory,
                           OperationHistory history, OperationStore operations, Clock clock) {
        this(catalog, control, inventory, history, operations, clock, ConvergenceConfig.DEFAULT_OVERDUE_AFTER);
    }

    public ApiDependencies {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(overdueAfter, "overdueAfter");
        if (recordRetention == null || recordRetention.isNegative() || recordRetention.isZero()) {
            throw new IllegalArgumentException("recordRetention must be positive, not " + recordRetention);
        }
    }
}
