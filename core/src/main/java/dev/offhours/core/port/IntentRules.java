package dev.offhours.core.port;

import dev.offhours.core.work.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rules of {@link IntentLedger} as pure functions of the stored mark, so every store decides the same way: the
 * in-memory stores apply them under their lock, the DynamoDB store applies them to what it read and writes the result
 * with a compare-and-set.
 */
public final class IntentRules {

    private IntentRules() {
    }

    /**
     * What {@link IntentLedger#begin} answers on a tracked target whose stored mark is {@code stored} (null when it has
     * none). When the answer is {@link IntentLedger.Start#STARTED}, {@code current} is the mark to store.
     */
    public static IntentLedger.Begin begin(AppliedIntent stored, String schedule, Instant transition, Action action,
                                           Instant now, Duration lease) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(action, "action");
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, but was " + lease);
        }
        AppliedIntent started = new AppliedIntent(schedule, transition, action, null, now.plus(lease), now);
        if (stored != null && stored.schedule().equals(schedule)) {
            if (stored.transition().equals(transition)) {
                return new IntentLedger.Begin(IntentLedger.Start.STARTED, started, stored);
            }
            if (stored.transition().isAfter(transition)) {
                return new IntentLedger.Begin(IntentLedger.Start.SUPERSEDED, stored, stored);
            }
        }
        if (stored != null && stored.leasedAt(now)) {
            return new IntentLedger.Begin(IntentLedger.Start.BUSY, stored, stored);
        }
        return new IntentLedger.Begin(IntentLedger.Start.STARTED, started, stored);
    }

    /**
     * The mark {@link IntentLedger#finish} stores, or null when {@code stored} is not the intent
     * {@code (schedule, transition)} and nothing may change.
     *
     * @throws IllegalArgumentException when {@code outcome} is not final
     */
    public static AppliedIntent finish(AppliedIntent stored, String schedule, Instant transition,
                                       OperationStatus outcome, Instant now) {
        requireFinal(outcome);
        if (stored == null || !stored.schedule().equals(schedule) || !stored.transition().equals(transition)) {
            return null;
        }
        return new AppliedIntent(stored.schedule(), stored.transition(), stored.action(), outcome, stored.leaseUntil(),
                now);
    }

    public static void requireFinal(OperationStatus outcome) {
        if (outcome == null || !outcome.isFinal()) {
            throw new IllegalArgumentException("an intent finishes with a final status, not " + outcome);
        }
    }
}
