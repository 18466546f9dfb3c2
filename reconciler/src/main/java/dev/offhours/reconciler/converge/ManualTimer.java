package dev.offhours.reconciler.converge;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The timer of a loop whose caller runs it by hand ({@link ConvergenceLoop#runOnce()} after moving its clock):
 * tests and benchmarks. It never fires; it only remembers the wake-ups the loop asked for.
 */
public final class ManualTimer implements TransitionTimer {

    private final Map<String, Instant> wakeUps = new ConcurrentHashMap<>();

    @Override
    public void start(Duration tick, Runnable wake) {
        // never fires: the caller runs the loop
    }

    @Override
    public void wakeAt(String key, Instant at) {
        wakeUps.put(key, at);
    }

    @Override
    public void cancel(String key) {
        wakeUps.remove(key);
    }

    @Override
    public Optional<Instant> next(String key) {
        return Optional.ofNullable(wakeUps.get(key));
    }

    /** True: whoever holds this timer runs the loop. */
    @Override
    public boolean running() {
        return true;
    }

    @Override
    public void close() {
        wakeUps.clear();
    }
}
