package dev.offhours.core.plan;

import java.util.List;
import java.util.Optional;

/**
 * The effect of a change on one schedule.
 *
 * @param changedFields     YAML paths of the schedule document that differ ({@code spec.awake}, {@code metadata.owner},
 *                          {@code file} when the file moved); empty for added and removed schedules
 * @param changedCalendars  calendars the schedule uses whose dates changed, so that its days asleep move even when
 *                          its own file did not change
 * @param before            what the base revision wants; empty for an added schedule
 * @param after             what the head revision wants; empty for a removed schedule (its targets wake up)
 */
public record ScheduleChange(
        String name,
        ChangeKind kind,
        String file,
        List<String> changedFields,
        List<String> changedCalendars,
        Optional<Forecast> before,
        Optional<Forecast> after) {

    public ScheduleChange {
        changedFields = List.copyOf(changedFields);
        changedCalendars = List.copyOf(changedCalendars);
    }

    /** True when the transitions of the horizon differ between the revisions. */
    public boolean transitionsDiffer() {
        return !before.map(Forecast::transitions).equals(after.map(Forecast::transitions))
                || !before.map(Forecast::stateAtStart).equals(after.map(Forecast::stateAtStart));
    }
}
