package dev.offhours.worker.runtime;

import java.time.Duration;

/** Pauses the calling thread; injected so that tests of back-off paths need not wait. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
