package dev.offhours.reconciler.service.health;

import com.codahale.metrics.health.HealthCheck;
import dev.offhours.reconciler.reconcile.ReconcileResult;
import dev.offhours.reconciler.service.ReconcileLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Healthy while the last fetch succeeded and is younger than {@code maxAge} (about three poll intervals). A refused
 * (invalid) revision is healthy for the service: it keeps running the last good one, and the status API says why.
 */
public final class GitHealthCheck extends HealthCheck {

    private final ReconcileLoop loop;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant startedAt;

    public GitHealthCheck(ReconcileLoop loop, Duration maxAge, Clock clock) {
        this.loop = loop;
        this.maxAge = maxAge;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    protected Result check() {
        Instant now = clock.instant();
        Optional<ReconcileResult> last = loop.lastResult();
        Optional<Instant> okAt = loop.lastFetchOkAt();
        if (last.isEmpty()) {
            return Duration.between(startedAt, now).compareTo(maxAge) > 0
                    ? Result.unhealthy("no fetch has completed since the start " + Duration.between(startedAt, now)
                            .toSeconds() + " s ago")
                    : Result.healthy("first fetch under way");
        }
        if (okAt.isEmpty()) {
            return Result.unhealthy("no fetch has succeeded yet: " + last.get().message());
        }
        Duration age = Duration.between(okAt.get(), now);
        if (age.compareTo(maxAge) > 0) {
            return Result.unhealthy("the last successful fetch was " + age.toSeconds() + " s ago (allowed "
                    + maxAge.toSeconds() + " s); last run: " + last.get().message());
        }
        String running = loop.running().map(r -> r.label()).orElse("no revision");
        return Result.healthy("fetched " + age.toSeconds() + " s ago; running " + running + "; last run "
                + last.get().outcome());
    }
}
