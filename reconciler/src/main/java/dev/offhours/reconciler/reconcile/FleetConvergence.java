package dev.offhours.reconciler.reconcile;

import dev.offhours.core.calendar.HolidaySources;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.time.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code Converged} condition of every schedule of the applied revision, and of every removed schedule whose
 * targets are still being woken, at one instant. Pure: the catalog and the intents are read by the caller.
 *
 * @param schedules by schedule name, every schedule of the catalog
 * @param removed   intents of schedules no longer in the catalog that have not converged, by schedule name
 */
public record FleetConvergence(Instant checkedAt, Duration overdueAfter,
                               SortedMap<String, ConvergenceCondition> schedules,
                               List<ConvergenceCondition> removed) {

    public FleetConvergence {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(overdueAfter, "overdueAfter");
        schedules = new TreeMap<>(schedules);
        removed = List.copyOf(removed);
    }

    public static FleetConvergence of(ScheduleCatalog catalog, List<ScheduleIntent> intents, Instant now,
                                      Duration overdueAfter) {
        Map<String, ScheduleIntent> byName = new TreeMap<>();
        intents.forEach(i -> byName.put(i.schedule(), i));
        SortedMap<String, ConvergenceCondition> schedules = new TreeMap<>();
        for (Schedule schedule : catalog.schedules().values()) {
            schedules.put(schedule.name(), judge(schedule, catalog, byName.get(schedule.name()), now, overdueAfter));
        }
        List<ConvergenceCondition> removed = new ArrayList<>();
        for (ScheduleIntent intent : byName.values()) {
            if (!catalog.schedules().containsKey(intent.schedule()) && !intent.converged()) {
                removed.add(ConvergenceCondition.ofRemoved(intent, now, overdueAfter));
            }
        }
        return new FleetConvergence(now, overdueAfter, schedules, removed);
    }

    /** One schedule against its intent ({@code intent} null when none): the calculus now, the time of its change. */
    public static ConvergenceCondition judge(Schedule schedule, ScheduleCatalog catalog, ScheduleIntent intent,
                                             Instant now, Duration overdueAfter) {
        Timeline timeline = Timeline.of(schedule, HolidaySources.forSchedule(schedule, catalog.calendars()));
        var wanted = new ConvergenceCondition.Wanted(timeline.stateAt(now), schedule.suspend(), null);
        ConvergenceCondition condition = ConvergenceCondition.of(intent, wanted, now, overdueAfter);
        if (!ConvergenceCondition.INTENT_BEHIND.equals(condition.reason())) {
            return condition;
        }
        // only a lagging intent needs the calculus' last change; searching for it is not free
        Instant changedAt = timeline.lastTransition(now).map(Transition::at).orElse(null);
        return ConvergenceCondition.of(intent, new ConvergenceCondition.Wanted(wanted.state(), wanted.suspended(),
                changedAt), now, overdueAfter);
    }

    private Stream<ConvergenceCondition> all() {
        return Stream.concat(schedules.values().stream(), removed.stream());
    }

    /** Overdue schedules, removed ones included: their targets are not where they should be, too late. */
    public int overdue() {
        return (int) all().filter(ConvergenceCondition::overdue).count();
    }

    /** Names of the overdue schedules, removed ones included, by name. */
    public List<String> overdueSchedules() {
        return all().filter(ConvergenceCondition::overdue).map(c -> c.intent().schedule()).sorted().toList();
    }

    /**
     * Targets still to reach a current intent. Intents the loop has not caught up with, and suspended ones, are left
     * out: their counts are towards a state nobody wants any more.
     */
    public long pendingTargets() {
        return counted().mapToLong(p -> p.pending()).sum();
    }

    /** Targets whose work item for a current intent ended FAILED. */
    public long failedTargets() {
        return counted().mapToLong(p -> p.failed()).sum();
    }

    private Stream<ScheduleIntent.Progress> counted() {
        return all().filter(c -> switch (c.reason()) {
            case ConvergenceCondition.CONVERGED, ConvergenceCondition.CONVERGING,
                    ConvergenceCondition.NOT_CONVERGED -> true;
            default -> false;
        }).map(c -> c.intent().progress()).filter(Objects::nonNull);
    }

    /** Schedules of the catalog by condition reason, every reason present (zeros included). */
    public Map<String, Long> byReason() {
        Map<String, Long> counts = new TreeMap<>();
        for (String reason : List.of(ConvergenceCondition.CONVERGED, ConvergenceCondition.CONVERGING,
                ConvergenceCondition.NOT_CONVERGED, ConvergenceCondition.INTENT_BEHIND,
                ConvergenceCondition.SUSPENDED, ConvergenceCondition.NO_INTENT_YET)) {
            counts.put(reason, 0L);
        }
        schedules.values().forEach(c -> counts.merge(c.reason(), 1L, Long::sum));
        return counts;
    }

    /**
     * The fleet's {@code Converged} condition: False when a schedule (or a removed one's wake-up) is overdue, Unknown
     * while any is still on its way or has no intent yet, True when every one that is not suspended converged.
     */
    public ConvergenceCondition condition() {
        List<ConvergenceCondition> overdue = all().filter(ConvergenceCondition::overdue).toList();
        if (!overdue.isEmpty()) {
            Instant since = overdue.stream().map(ConvergenceCondition::lastTransitionTime)
                    .min(Comparator.naturalOrder()).orElse(checkedAt);
            return new ConvergenceCondition(null, ConditionStatus.FALSE, ConvergenceCondition.NOT_CONVERGED,
                    overdue.size() + " of " + (schedules.size() + removed.size()) + " schedules not converged within "
                            + overdueAfter + ": " + String.join(", ", overdueSchedules()) + "; " + pendingTargets()
                            + " targets pending, " + failedTargets() + " failed", since, true);
        }
        List<ConvergenceCondition> open = all()
                .filter(c -> !c.converged() && !ConvergenceCondition.SUSPENDED.equals(c.reason())).toList();
        if (!open.isEmpty()) {
            Instant since = open.stream().map(ConvergenceCondition::lastTransitionTime).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            return new ConvergenceCondition(null, ConditionStatus.UNKNOWN, ConvergenceCondition.CONVERGING,
                    open.size() + " of " + (schedules.size() + removed.size()) + " schedules not converged yet ("
                            + pendingTargets() + " targets pending); none overdue", since, false);
        }
        Instant since = all().map(ConvergenceCondition::lastTransitionTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        long suspended = byReason().get(ConvergenceCondition.SUSPENDED);
        return new ConvergenceCondition(null, ConditionStatus.TRUE, ConvergenceCondition.CONVERGED,
                "every schedule converged" + (suspended == 0 ? "" : " (" + suspended + " suspended)"), since, false);
    }
}
