package dev.offhours.reconciler.converge;

import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.ScheduleIntent;
import java.util.List;

/**
 * Tells the world that an intent finished: every target reached it or failed at it. {@link ConvergencePass} calls it
 * once per intent, right after the count that found it finished was written together with
 * {@link ScheduleIntent#announcedAt()}; that conditional write is what makes it once across replicas and restarts.
 */
public interface TransitionAnnouncer {

    /** Announces nothing: intents are then never marked announced. */
    TransitionAnnouncer NONE = new TransitionAnnouncer() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public boolean announce(ScheduleIntent intent, List<InventoryItem> failed, int failedNotListed) {
            return true;
        }
    };

    default boolean enabled() {
        return true;
    }

    /**
     * @param intent          the finished intent as written (its {@code progress} holds the counts)
     * @param failed          inventory items of targets that failed at the intent, at most
     *                        {@link ConvergencePass#ANNOUNCED_FAILURES}
     * @param failedNotListed failed targets beyond those
     * @return true when the announcement was delivered; false to have the pass take the mark back, so a later count
     *         tries again
     */
    boolean announce(ScheduleIntent intent, List<InventoryItem> failed, int failedNotListed);
}
