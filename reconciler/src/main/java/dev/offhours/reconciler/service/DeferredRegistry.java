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
public final class DeferredRegistry implements TransitionRegistry {

    private final TransitionRegistry target;
    private final List<Consumer<TransitionRegistry>> pending = new ArrayList<>();
    private boolean flushed;

    public DeferredRegistry(TransitionRegistry target) {
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

    /**
     * Applies the held calls in order, as one revision; returns how many there were. The first flush always reaches
     * the registry, even with nothing held, so that it learns a revision was applied at all.
     */
    public synchronized int flush() {
        int count = pending.size();
        if (count == 0 && flushed) {
            return 0;
        }
        try {
            target.applyAll(() -> pending.forEach(call -> call.accept(target)));
            flushed = true;
        } finally {
            pending.clear();
        }
        return count;
    }
}
