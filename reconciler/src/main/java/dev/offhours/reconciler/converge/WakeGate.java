package dev.offhours.reconciler.converge;

import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.ScheduleIntent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Looks at a wake wave before its first pass sends it (the vCPU quota pre-flight): which targets' items carry a
 * notice for their operation records, and which are not to be woken, with the reason their FAILED record states.
 */
public interface WakeGate {

    /**
     * @param notices  by target key: a line the target's operation record carries (a quota warning)
     * @param refusals by target key: why the target stays asleep
     */
    record Plan(Map<String, String> notices, Map<String, String> refusals) {
        public static final Plan NONE = new Plan(Map.of(), Map.of());

        public Plan {
            notices = Map.copyOf(notices);
            refusals = Map.copyOf(refusals);
        }
    }

    WakeGate NONE = new WakeGate() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Plan plan(ScheduleIntent intent, List<InventoryItem> toWake, Instant now) {
            return Plan.NONE;
        }

        @Override
        public boolean refuse(ScheduleIntent intent, InventoryItem item, String reason, Instant now) {
            return false;
        }
    };

    boolean enabled();

    /** The plan for the targets the first pass of a wake intent is about to send. Never throws for a spoke's sake. */
    Plan plan(ScheduleIntent intent, List<InventoryItem> toWake, Instant now);

    /**
     * Records the target as not woken at this intent (a FAILED record and a finished intent mark), so the pass counts
     * it failed and never sends it; false when that could not be written (the target is then sent).
     */
    boolean refuse(ScheduleIntent intent, InventoryItem item, String reason, Instant now);
}
