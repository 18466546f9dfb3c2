package dev.offhours.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One schedule file ({@code schedules/<team>/<name>.yaml}), validated.
 *
 * @param name        unique in the repository; resources opt in with the tag {@code offhours.dev/schedule=<name>}
 * @param file        repository-relative path of the file this schedule came from, for messages
 * @param awake       periods when targets run; outside every period they sleep
 * @param calendars   names of {@code calendars/<name>.yaml} whose dates are whole local days asleep
 * @param sleepOn     extra whole local days asleep
 * @param keepAwake   time-boxed overrides: awake until the latest of them, or in a planned window
 * @param suspend     true: dispatch no work at all, targets stay as they are
 * @param enforce     true: between transitions, put back targets that drifted
 * @param warmUp      how long before a period starts its wake-up happens (zero: at {@code from}); at most
 *                    {@link #MAX_WARM_UP}
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
        String file,
        Duration warmUp) {

    /** The longest warm-up the language allows. */
    public static final Duration MAX_WARM_UP = Duration.ofHours(2);

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
        warmUp = warmUp == null ? Duration.ZERO : warmUp;
        if (warmUp.isNegative() || warmUp.compareTo(MAX_WARM_UP) > 0) {
            throw new IllegalArgumentException("warmUp must be 0 to " + MAX_WARM_UP + ", not " + warmUp);
        }
    }

    /** A schedule without warm-up. */
    public Schedule(String name, String owner, String description, ZoneId timeZone, List<AwakePeriod> awake,
            List<String> calendars, List<LocalDate> sleepOn, List<KeepAwake> keepAwake, boolean suspend,
            boolean enforce, Scope scope, AsleepCapacity asleep, String file) {
        this(name, owner, description, timeZone, awake, calendars, sleepOn, keepAwake, suspend, enforce, scope,
                asleep, file, Duration.ZERO);
    }

    /**
     * The instant until which an override without {@code from} keeps targets awake, if one is present: every
     * instant before it is awake. Planned windows ({@code from}) are not part of it; see {@link #keptAwakeAt}.
     */
    public Optional<Instant> keepAwakeUntil() {
        return keepAwake.stream().filter(k -> k.from() == null).map(KeepAwake::until).max(Instant::compareTo);
    }

    /** The latest {@code until} of the overrides that keep targets awake at {@code instant}, if any does. */
    public Optional<Instant> keptAwakeAt(Instant instant) {
        return keepAwake.stream().filter(k -> k.holdsAt(instant)).map(KeepAwake::until).max(Instant::compareTo);
    }
}
