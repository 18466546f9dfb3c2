package dev.offhours.reconciler.service;

import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.Timeline;
import dev.offhours.reconciler.transition.TransitionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Holds the reconciler's register and deregister calls until {@link #flush()}: the reconcile loop first publishes the
 * new revision (its id and account registry, which scope every dispatch) and only then lets the registry see the
 * schedules. Without the hold, a transition caught up right after registration could be dispatched with the previous
 * revision's accounts and miss targets of a newly onboarded account. Used by one thread, the reconcile loop's.
 */
final class DeferredRegistry implements TransitionRegistry {

    private final TransitionRegistry target;
    private final List<Consumer<TransitionRegistry>> pending = new ArrayList<>();

    DeferredRegistry(TransitionRegistry target) {
        this.target = target;
    }

    @Override
    public synchronized void register(Schedule schedule, Timeline timeline) {
        pending.add(registry -> registry.register(schedule, timeline));
    }

    @Override
    public synchronized void deregister(Schedule schedule) {
        pending.add(registry -> registry.deregister(schedule));
    }

    @Override
    public synchronized Set<String> registered() {
        return target.registered();
    }

    /** Applies the held calls in order; returns how many there were. */
    synchronized int flush() {
        int count = pending.size();
        try {
            target.applyAll(() -> pending.forEach(call -> call.accept(target)));
        } finally {
            pending.clear();
        }
        return count;
    }
}
