package dev.offhours.core.port;

import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import java.time.Duration;
import java.time.Instant;

/**
 * Orders the work on each target (the inventory stores implement it with a conditional write on the target's item):
 * a worker {@link #begin begins} an intent before it calls AWS and {@link #finish finishes} it after its operation
 * record is written. Late, duplicate and redriven work items are harmless: one older than the newest intent begun on
 * its target is superseded, and one that arrives while another intent holds the target waits.
 */
public interface IntentLedger {

    enum Start {
        /** The caller holds the target for this intent until the lease ends (also when it held it already). */
        STARTED,
        /** A later intent of the same schedule was begun on the target: the item must not act. */
        SUPERSEDED,
        /** Another intent holds an unexpired lease on the target: try again after it. */
        BUSY,
        /** No inventory item for the target: nothing to order against (the worker acts unordered). */
        UNTRACKED
    }

    /**
     * @param current  the mark after the call (STARTED), or the one that refused it (SUPERSEDED, BUSY); null when
     *                 UNTRACKED
     * @param previous the mark before the call, null when there was none: what offhours last did to the target
     *                 (the capacity rules read it to tell an asleep target from an awake one)
     */
    record Begin(Start start, AppliedIntent current, AppliedIntent previous) {
    }

    /**
     * Begins {@code (schedule, transition, action)} on {@code target}, atomically:
     * <ul>
     *   <li>no item: {@link Start#UNTRACKED};</li>
     *   <li>the same schedule and transition as the stored mark: {@link Start#STARTED}, lease renewed, outcome
     *       cleared (a redelivery after a crash, or a redrive of a failure);</li>
     *   <li>the same schedule and a later stored transition: {@link Start#SUPERSEDED};</li>
     *   <li>otherwise, an unfinished mark whose lease has not ended: {@link Start#BUSY};</li>
     *   <li>otherwise: {@link Start#STARTED}, the mark replaced by this intent with a lease until now + lease.</li>
     * </ul>
     */
    Begin begin(Target target, String schedule, Instant transition, Action action, Instant now, Duration lease);

    /**
     * Ends the intent on {@code target} with {@code outcome} (a final status) if the stored mark is still this
     * schedule and transition; otherwise (superseded meanwhile, or no item) does nothing.
     *
     * @return true if the mark was updated
     */
    boolean finish(Target target, String schedule, Instant transition, OperationStatus outcome, Instant now);
}
