package dev.offhours.reconciler.inventory;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Target;
import java.time.Instant;
import java.util.Optional;

/**
 * A resource that was asleep when its opt-in tag disappeared: offhours can no longer wake it, so someone must.
 *
 * @param schedule   the schedule it was bound to
 * @param current    its capacity now (asleep)
 * @param savedAwake the awake capacity to restore, when known
 */
public record OrphanedSleeper(Target target, String schedule, Capacity current, Capacity savedAwake) {

    /** The resource of an item leaving the inventory, as it is now, if it is asleep: nobody will wake it. */
    public static Optional<OrphanedSleeper> of(InventoryItem item, FoundResource now, AsleepShapes shapes) {
        Capacity saved = OffhoursTags.savedAwake(now.tags()).orElse(item.savedAwake());
        TargetState state = StateRule.stateOf(item.target().kind(), now.current(), saved, shapes.of(item.schedule()));
        return state == TargetState.ASLEEP
                ? Optional.of(new OrphanedSleeper(item.target(), item.schedule(), now.current(), saved))
                : Optional.empty();
    }

    /** The sleeper a stored report describes (for its sentence). */
    public static OrphanedSleeper of(OrphanReport report) {
        return new OrphanedSleeper(report.target(), report.schedule(), report.current(), report.savedAwake());
    }

    /** @param reportedBy {@link OrphanReport#DISCOVERY} or {@link OrphanReport#EVENT} */
    public OrphanReport report(Instant reportedAt, String reportedBy) {
        return new OrphanReport(target, schedule, current, savedAwake, reportedAt, reportedBy);
    }

    public String sentence() {
        String restore = savedAwake == null ? "its awake capacity is not known" : "restore it to " + savedAwake;
        return target.key() + " lost its opt-in tag while asleep at " + current + " (schedule '" + schedule
                + "'); offhours will not wake it any more: " + restore;
    }
}
