package dev.offhours.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one storm cost the whole benchmark process (queue, simulated AWS and the enqueue included, the same for
 * every contender): threads, heap and CPU time. Heap is sampled every 5 ms, after two GCs before the storm.
 */
final class Footprint {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final double MB = 1024.0 * 1024.0;

    private final AtomicLong heapPeak = new AtomicLong();
    private final Thread sampler;
    private final long heapBefore;
    private final int liveBefore;
    private final long startedBefore;
    private final long cpuBefore;
    private volatile boolean stopping;

    /**
     * @param threadsPeak    peak live threads during the storm minus the live threads before it
     * @param threadsCreated threads started during the storm
     * @param heapPeakMb     peak used heap during the storm (garbage not yet collected included)
     * @param heapGrowthMb   that peak minus the heap in use after GC before the storm
     * @param cpuSeconds     process CPU time (all threads) during the storm, real seconds
     */
    record Figures(long threadsPeak, long threadsCreated, double heapPeakMb, double heapGrowthMb, double cpuSeconds) {
    }

    private Footprint() {
        System.gc();
        System.gc();
        heapBefore = MEMORY.getHeapMemoryUsage().getUsed();
        heapPeak.set(heapBefore);
        sampler = new Thread(this::sample, "storm-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        THREADS.resetPeakThreadCount();
        liveBefore = THREADS.getThreadCount();
        startedBefore = THREADS.getTotalStartedThreadCount();
        cpuBefore = processCpuNanos();
    }

    static Footprint start() {
        return new Footprint();
    }

    Figures stop() {
        long cpu = processCpuNanos() - cpuBefore;
        int peak = THREADS.getPeakThreadCount();
        long started = THREADS.getTotalStartedThreadCount() - startedBefore;
        stopping = true;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Figures(peak - liveBefore, started, heapPeak.get() / MB, (heapPeak.get() - heapBefore) / MB,
                cpu / 1e9);
    }

    private void sample() {
        while (!stopping) {
            heapPeak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report process CPU time "
                + "(com.sun.management.OperatingSystemMXBean); the storm's CPU figures need a HotSpot-based JVM");
    }
}
