package dev.offhours.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;

/**
 * The simulator's notion of time. Token buckets refill, latencies elapse, node group updates complete and
 * credentials expire in simulated time, so a time scale below 1 speeds the whole fleet up consistently.
 */
public interface FleetTime {
    /** Simulated wall-clock instant (credential expiry, timestamps in responses). */
    Instant instant();

    /** Simulated monotonic nanoseconds since the fleet started. */
    long nanos();

    /** This time as a UTC {@link Clock}, so credentials expire and records are stamped in simulated time. */
    default Clock asClock() {
        FleetTime time = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return time.instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    /** Lets {@code simulated} time pass for the calling thread. */
    void sleep(Duration simulated) throws InterruptedException;

    /** Real time, scaled: {@code timeScale} 0.1 makes one simulated second last 100 real milliseconds. */
    static FleetTime scaled(Clock clock, double timeScale) {
        return new ScaledTime(clock, timeScale);
    }

    /** Time that moves only when told to (or when a call sleeps), for deterministic tests. */
    static ManualTime manual(Instant start) {
        return new ManualTime(start);
    }
}
