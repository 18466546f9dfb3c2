package dev.offhours.reconciler.reconcile;

import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.Timeline;
import dev.offhours.reconciler.transition.TransitionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** A registry that remembers what it was told (the Quartz one is tested on its own). */
final class RecordingRegistry implements TransitionRegistry {

    final Map<String, Schedule> schedules = new TreeMap<>();
    final List<String> calls = new ArrayList<>();
    Consumer<Schedule> onRegister = schedule -> { };

    @Override
    public synchronized void register(Schedule schedule, Timeline timeline) {
        onRegister.accept(schedule);
        schedules.put(schedule.name(), schedule);
        calls.add("register " + schedule.name());
    }

    @Override
    public synchronized void deregister(Schedule schedule) {
        schedules.remove(schedule.name());
        calls.add("deregister " + schedule.name());
    }

    @Override
    public synchronized Set<String> registered() {
        return new TreeSet<>(schedules.keySet());
    }
}
