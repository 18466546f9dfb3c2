package dev.offhours.worker.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition of an asynchronous system; fails with a description when it never holds. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(String what, Duration atMost, BooleanSupplier condition) {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up after " + atMost + " waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
