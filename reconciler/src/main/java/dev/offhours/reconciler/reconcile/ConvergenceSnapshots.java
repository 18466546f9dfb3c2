package dev.offhours.reconciler.reconcile;

import dev.offhours.core.port.ControlStore;
import dev.offhours.core.schedule.ScheduleCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The fleet's convergence, read from the control store at most once per {@code refresh} and shared by every reader:
 * gauges scraped every few seconds and a burst of dashboard refreshes cost one {@link ControlStore#intents()} read
 * (one partition) per interval, not one per read.
 */
public final class ConvergenceSnapshots {

    private final Supplier<ScheduleCatalog> catalog;
    private final ControlStore control;
    private final Clock clock;
    private final Duration overdueAfter;
    private final Duration refresh;
    private FleetConvergence snapshot;

    public ConvergenceSnapshots(Supplier<ScheduleCatalog> catalog, ControlStore control, Clock clock,
                                Duration overdueAfter, Duration refresh) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.control = Objects.requireNonNull(control, "control");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.overdueAfter = Objects.requireNonNull(overdueAfter, "overdueAfter");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    /** The last snapshot while it is younger than the refresh interval, else a new one (which may throw). */
    public synchronized FleetConvergence current() {
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(snapshot.checkedAt().plus(refresh))) {
            snapshot = FleetConvergence.of(catalog.get(), control.intents(), now, overdueAfter);
        }
        return snapshot;
    }

    public Duration overdueAfter() {
        return overdueAfter;
    }
}
