package dev.offhours.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that runs at the speed of the system clock from a point the test chose, and that the test can make
 * jump: a service under test runs in real time, but the next transition is seconds away instead of at the next whole
 * minute, and a night can pass in an instant.
 */
public final class ShiftedClock extends Clock {

    private volatile Duration shift;

    public ShiftedClock(Instant start) {
        jumpTo(start);
    }

    /** From now on this clock reads {@code instant} and runs on from there. */
    public void jumpTo(Instant instant) {
        shift = Duration.between(Instant.now(), instant);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
