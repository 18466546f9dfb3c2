package dev.offhours.testsupport.store;

import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.AwakeCapacityStore;
import dev.offhours.core.port.IntentLedger;
import dev.offhours.core.port.LedgerRules;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link AwakeCapacityStore} in memory for tests and benchmarks (the service and the Lambda worker keep these in
 * the inventory table); it also keeps the last recorded outcome, and is an {@link IntentLedger} for the work of this
 * process. It has no
 * inventory items, so every target counts as tracked: ordering the work one process sees is better than none.
 */
public final class InMemoryAwakeCapacityStore implements AwakeCapacityStore, IntentLedger {

    /** The last outcome the worker recorded for a target. */
    public record RecordedOutcome(TargetState state, Capacity current, Instant at) {
    }

    private final ConcurrentMap<String, Capacity> saved = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RecordedOutcome> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AppliedIntent> intents = new ConcurrentHashMap<>();

    @Override
    public Optional<Capacity> find(String targetKey) {
        return Optional.ofNullable(saved.get(targetKey));
    }

    @Override
    public void save(String targetKey, Capacity awake) {
        if (awake.isZero()) {
            throw new IllegalArgumentException("0/0/0 is never an awake capacity (target " + targetKey + ")");
        }
        saved.put(targetKey, awake);
    }

    @Override
    public boolean recordOutcome(String targetKey, TargetState state, Capacity current, Instant at) {
        outcomes.put(targetKey, new RecordedOutcome(state, current, at));
        return true;
    }

    public Optional<RecordedOutcome> outcome(String targetKey) {
        return Optional.ofNullable(outcomes.get(targetKey));
    }

    @Override
    public Begin begin(Target target, String schedule, Instant transition, Action action, Instant now,
                       Duration lease) {
        Begin[] answer = new Begin[1];
        // compute runs atomically per key, so two racing begins see each other's mark
        intents.compute(target.key(), (key, stored) -> {
            answer[0] = LedgerRules.begin(stored, schedule, transition, action, now, lease);
            return answer[0].current();
        });
        return answer[0];
    }

    @Override
    public boolean finish(Target target, String schedule, Instant transition, OperationStatus outcome, Instant now) {
        LedgerRules.requireFinal(outcome);
        boolean[] changed = new boolean[1];
        intents.computeIfPresent(target.key(), (key, stored) -> {
            AppliedIntent finished = LedgerRules.finish(stored, schedule, transition, outcome, now);
            changed[0] = finished != null;
            return finished != null ? finished : stored;
        });
        return changed[0];
    }

    /** The mark of {@code target}, if a worker began an intent on it. */
    public Optional<AppliedIntent> intent(Target target) {
        return Optional.ofNullable(intents.get(target.key()));
    }
}
