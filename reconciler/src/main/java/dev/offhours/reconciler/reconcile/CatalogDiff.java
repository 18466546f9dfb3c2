package dev.offhours.reconciler.reconcile;

import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What applying {@code next} over {@code running} does to the registered schedules. A schedule counts as changed
 * when its own file changed or when a calendar it names changed, since either moves its transitions.
 */
public record CatalogDiff(List<Schedule> added, List<Schedule> changed, List<Schedule> removed) {

    public static final CatalogDiff NONE = new CatalogDiff(List.of(), List.of(), List.of());

    public CatalogDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public static CatalogDiff between(ScheduleCatalog running, ScheduleCatalog next) {
        List<Schedule> added = new ArrayList<>();
        List<Schedule> changed = new ArrayList<>();
        List<Schedule> removed = new ArrayList<>();
        for (Schedule schedule : next.schedules().values()) {
            Schedule before = running.schedules().get(schedule.name());
            if (before == null) {
                added.add(schedule);
            } else if (!before.equals(schedule) || calendarsChanged(schedule, running, next)) {
                changed.add(schedule);
            }
        }
        for (Schedule schedule : running.schedules().values()) {
            if (!next.schedules().containsKey(schedule.name())) {
                removed.add(schedule);
            }
        }
        return new CatalogDiff(added, changed, removed);
    }

    private static boolean calendarsChanged(Schedule schedule, ScheduleCatalog running, ScheduleCatalog next) {
        return schedule.calendars().stream()
                .anyMatch(name -> !Objects.equals(running.calendars().get(name), next.calendars().get(name)));
    }

    /** Schedules to hand to the registry (added, then changed). */
    public List<Schedule> toRegister() {
        List<Schedule> all = new ArrayList<>(added);
        all.addAll(changed);
        return all;
    }

    /** Number of registry calls applying this diff makes (one job touched each). */
    public int touched() {
        return added.size() + changed.size() + removed.size();
    }

    public String summary() {
        return added.size() + " added, " + changed.size() + " changed, " + removed.size() + " removed";
    }
}
