package dev.offhours.reconciler.converge;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What wakes the convergence loop: a tick, and a one-shot wake-up at each schedule's next transition so that a
 * transition is acted on at its instant rather than up to a tick later. Quartz in the service
 * ({@link dev.offhours.reconciler.transition.QuartzTransitionTimer}); tests drive the loop's clock and call
 * {@link ConvergenceLoop#runOnce()} themselves.
 */
public interface TransitionTimer extends AutoCloseable {

    /** Starts calling {@code wake} every {@code tick} and at every instant given to {@link #wakeAt}. */
    void start(Duration tick, Runnable wake);

    /** Replaces the wake-up of {@code key} (a schedule name) with one at {@code at}. */
    void wakeAt(String key, Instant at);

    void cancel(String key);

    /** When {@code key} wakes the loop next, empty when never. */
    Optional<Instant> next(String key);

    /** True while the timer fires (health check). */
    boolean running();

    @Override
    void close();
}
