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

    /**
     * Runs {@code then} once {@code simulated} time has passed, without holding the calling thread while real time
     * passes: asynchronous clients answer through it, so thousands of calls in flight need no thread each.
     * {@code then} must not block: it runs on the time's few timer threads, or in the calling thread when no real
     * time has to pass.
     */
    void schedule(Duration simulated, Runnable then);

    /** Real time, scaled: {@code timeScale} 0.1 makes one simulated second last 100 real milliseconds. */
    static FleetTime scaled(Clock clock, double timeScale) {
        return new ScaledTime(clock, timeScale);
    }

    /** Time that moves only when told to (or when a call sleeps or schedules), for deterministic tests. */
    static ManualTime manual(Instant start) {
        return new ManualTime(start);
    }
}
