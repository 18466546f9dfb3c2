package dev.offhours.reconciler.service.health;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Healthy while the inventory updater keeps reading the events queue: its long polls return at least every 20 s, so
 * a last answer older than {@code maxAge} means the consumer is stuck or the queue unreachable, and the inventory goes
 * stale until the next discovery (a day by default).
 */
public final class EventsHealthCheck extends HealthCheck {

    /** Several long polls (20 s at most each) plus a slow read of the spoke. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(2);

    private final Supplier<Optional<Instant>> lastReceiveAt;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant startedAt;

    public EventsHealthCheck(Supplier<Optional<Instant>> lastReceiveAt, Duration maxAge, Clock clock) {
        this.lastReceiveAt = lastReceiveAt;
        this.maxAge = maxAge;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    protected Result check() {
        Instant now = clock.instant();
        Optional<Instant> last = lastReceiveAt.get();
        if (last.isEmpty()) {
            Duration since = Duration.between(startedAt, now);
            return since.compareTo(maxAge) > 0
                    ? Result.unhealthy("the events queue has not answered since the start " + since.toSeconds()
                            + " s ago; the inventory is kept by discovery alone")
                    : Result.healthy("first read of the events queue under way");
        }
        Duration age = Duration.between(last.get(), now);
        if (age.compareTo(maxAge) > 0) {
            return Result.unhealthy("the events queue last answered " + age.toSeconds() + " s ago (allowed "
                    + maxAge.toSeconds() + " s); the inventory is going stale until the next discovery");
        }
        return Result.healthy("the events queue answered " + age.toSeconds() + " s ago");
    }
}
