package dev.offhours.reconciler.inventory;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import java.util.function.Supplier;

/** The asleep capacity of each schedule, which tells discovery what a sleeping target of that schedule looks like. */
@FunctionalInterface
public interface AsleepShapes {

    /** Every schedule sleeps at zero (the schedule language's default). */
    AsleepShapes ZERO = schedule -> AsleepCapacity.ZERO;

    AsleepCapacity of(String schedule);

    /** Reads the running catalog on every call; a schedule it does not know sleeps at zero. */
    static AsleepShapes fromCatalog(Supplier<ScheduleCatalog> catalog) {
        return schedule -> catalog.get().schedule(schedule).map(Schedule::asleep).orElse(AsleepCapacity.ZERO);
    }
}
