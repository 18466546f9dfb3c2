package dev.offhours.worker.runtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads offhours starts itself: all daemons, so that a stuck AWS call or a loop that missed its stop never
 * keeps the JVM alive after the service (or a CLI command, a test) is done; each named so a thread dump says what
 * it is for.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads all named {@code name}: single-thread executors, and pools whose threads need no told-apart names. */
    public static ThreadFactory named(String name) {
        return runnable -> thread(runnable, name);
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... in the order this factory makes them: pools. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> thread(runnable, prefix + "-" + count.incrementAndGet());
    }

    /** One daemon thread, not started yet: a loop that owns its thread. */
    public static Thread thread(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * A pool of at most {@code threads} numbered daemon threads with an unbounded queue, whose threads end after a
     * minute idle: the fixed pools of the asynchronous worker, which must not pile up idle threads when many workers
     * are built (tests, the benchmark's simulated Lambda environments).
     */
    public static ExecutorService fixedPool(String prefix, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), numbered(prefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
