package dev.offhours.bench;

import dev.offhours.simulator.FleetTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulator's time as a {@link Clock}, so credentials expire and records are stamped in simulated time. */
final class FleetClock extends Clock {

    private final FleetTime time;

    FleetClock(FleetTime time) {
        this.time = time;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return time.instant();
    }
}
