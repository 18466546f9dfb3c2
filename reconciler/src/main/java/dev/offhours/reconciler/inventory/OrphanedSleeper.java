package dev.offhours.reconciler.inventory;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;

/**
 * A resource that was asleep when its opt-in tag disappeared: offhours can no longer wake it, so someone must.
 *
 * @param schedule   the schedule it was bound to
 * @param current    its capacity now (asleep)
 * @param savedAwake the awake capacity to restore, when known
 */
public record OrphanedSleeper(Target target, String schedule, Capacity current, Capacity savedAwake) {

    public String sentence() {
        String restore = savedAwake == null ? "its awake capacity is not known" : "restore it to " + savedAwake;
        return target.key() + " lost its opt-in tag while asleep at " + current + " (schedule '" + schedule
                + "'); offhours will not wake it any more: " + restore;
    }
}
