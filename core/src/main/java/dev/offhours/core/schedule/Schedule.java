package dev.offhours.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One schedule file ({@code schedules/<team>/<name>.yaml}), validated.
 *
 * @param name        unique in the repository; resources opt in with the tag {@code offhours.dev/schedule=<name>}
 * @param file        repository-relative path of the file this schedule came from, for messages
 * @param awake       periods when targets run; outside every period they sleep
 * @param calendars   names of {@code calendars/<name>.yaml} whose dates are whole local days asleep
 * @param sleepOn     extra whole local days asleep
 * @param keepAwake   time-boxed overrides: awake until the latest of them
 * @param suspend     true: dispatch no work at all, targets stay as they are
 * @param enforce     true: between transitions, put back targets that drifted
 */
public record Schedule(
        String name,
        String owner,
        String description,
        ZoneId timeZone,
        List<AwakePeriod> awake,
        List<String> calendars,
        List<LocalDate> sleepOn,
        List<KeepAwake> keepAwake,
        boolean suspend,
        boolean enforce,
        Scope scope,
        AsleepCapacity asleep,
        String file) {

    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        description = description == null ? "" : description;
        Objects.requireNonNull(timeZone, "timeZone");
        awake = List.copyOf(awake);
        calendars = List.copyOf(calendars);
        sleepOn = List.copyOf(sleepOn);
        keepAwake = List.copyOf(keepAwake);
        scope = scope == null ? Scope.EVERYWHERE : scope;
        asleep = asleep == null ? AsleepCapacity.ZERO : asleep;
        file = file == null ? "" : file;
    }

    /** The instant until which an override keeps targets awake, if any override is present. */
    public java.util.Optional<Instant> keepAwakeUntil() {
        return keepAwake.stream().map(KeepAwake::until).max(Instant::compareTo);
    }
}
