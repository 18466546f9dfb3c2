package dev.offhours.core.plan;

import dev.offhours.core.schedule.Schedule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Names the fields of a schedule document that differ between two revisions, as YAML paths. */
final class ScheduleFields {

    private record Field(String path, Function<Schedule, Object> value) {
    }

    // Lists whose order carries no meaning compare as sets, so that reordering is not reported as a change.
    private static final List<Field> FIELDS = List.of(
            new Field("file", Schedule::file),
            new Field("metadata.owner", Schedule::owner),
            new Field("metadata.description", Schedule::description),
            new Field("spec.timeZone", Schedule::timeZone),
            new Field("spec.awake", s -> new HashSet<>(s.awake())),
            new Field("spec.calendars", s -> new HashSet<>(s.calendars())),
            new Field("spec.sleepOn", s -> new HashSet<>(s.sleepOn())),
            new Field("spec.keepAwake", s -> new HashSet<>(s.keepAwake())),
            new Field("spec.suspend", Schedule::suspend),
            new Field("spec.enforce", Schedule::enforce),
            new Field("spec.scope.accounts", s -> new HashSet<>(s.scope().accounts())),
            new Field("spec.scope.regions", s -> new HashSet<>(s.scope().regions())),
            new Field("spec.asleep", Schedule::asleep),
            new Field("spec.warmUp", Schedule::warmUp));

    private ScheduleFields() {
    }

    static List<String> changed(Schedule base, Schedule head) {
        List<String> changed = new ArrayList<>();
        for (Field field : FIELDS) {
            if (!Objects.equals(field.value().apply(base), field.value().apply(head))) {
                changed.add(field.path());
            }
        }
        return changed;
    }
}
