package dev.offhours.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock a test sets and moves by hand, or lets follow the system clock once told to. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private volatile boolean follow;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** From now on, reads the system clock (for a test that runs something in real time). */
    public void follow() {
        follow = true;
    }

    @Override
    public Instant instant() {
        return follow ? Instant.now() : now;
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
