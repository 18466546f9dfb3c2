package dev.offhours.reconciler.transition;

import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.Timeline;
import java.util.Set;

/**
 * Where the reconciler hands the schedules of the applied revision: the registry keeps one trigger per schedule at
 * its next transition (Quartz in the service). The reconciler decides what changed; the registry does the I/O.
 */
public interface TransitionRegistry {

    /** Registers a new schedule or replaces a changed one; its next transition comes from {@code timeline}. */
    void register(Schedule schedule, Timeline timeline);

    /** Stops a removed schedule's transitions (the convergence loop then hands its targets back awake). */
    void deregister(Schedule schedule);

    /** Applies one revision's register and deregister calls as a whole. */
    default void applyAll(Runnable changes) {
        changes.run();
    }

    /** Names of the schedules registered now. */
    Set<String> registered();
}
