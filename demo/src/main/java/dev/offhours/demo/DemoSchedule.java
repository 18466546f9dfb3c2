package dev.offhours.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The demo's schedule {@code demo-fleet}: awake now, asleep from {@link #sleepAt}, awake again from {@link #wakeAt}.
 * Periods are local whole minutes, so both instants are rounded up to a minute (UTC). One awake period every day from
 * the wake time to the sleep time (past midnight when the sleep time is earlier in the day) says exactly that.
 */
record DemoSchedule(Instant sleepAt, Instant wakeAt) {

    static final String NAME = "demo-fleet";

    static DemoSchedule from(Instant now, Duration sleepIn, Duration wakeAfter) {
        Instant sleep = ceilMinute(now.plus(sleepIn));
        Instant wake = ceilMinute(sleep.plus(wakeAfter));
        return new DemoSchedule(sleep, wake);
    }

    String yaml() {
        return """
                # Written by `offhours demo`: asleep from %s to %s UTC, awake the rest of every day.
                apiVersion: offhours.dev/v1
                kind: Schedule
                metadata:
                  name: %s
                  owner: offhours-demo
                  description: The demo's simulated fleet
                spec:
                  timeZone: UTC
                  awake:
                    - days: Mon-Sun
                      from: "%s"
                      to: "%s"
                  scope:
                    accounts: ["group:demo"]
                """.formatted(hhmm(sleepAt), hhmm(wakeAt), NAME, hhmm(wakeAt), hhmm(sleepAt));
    }

    private static String hhmm(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static Instant ceilMinute(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.MINUTES);
        return floor.equals(instant) ? instant : floor.plus(1, ChronoUnit.MINUTES);
    }
}
