package dev.offhours.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this JVM costs while a client runs, sampled every 10 ms by one daemon thread started before the baseline:
 * the peak of live Java threads, of the process's operating-system threads ({@code /proc/self/task}, which also
 * counts native threads the JVM never sees), of heap in use, and the process CPU time and resident set.
 */
final class ProcessProbe implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path STATUS = Path.of("/proc/self/status");

    private final AtomicLong peakJavaThreads = new AtomicLong();
    private final AtomicLong peakOsThreads = new AtomicLong();
    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    ProcessProbe() {
        sampler = new Thread(this::sample, "process-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            peakJavaThreads.accumulateAndGet(THREADS.getThreadCount(), Math::max);
            peakOsThreads.accumulateAndGet(osThreads(), Math::max);
            Runtime runtime = Runtime.getRuntime();
            peakHeap.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Forgets the peaks seen so far (the baseline is taken after this). */
    void resetPeaks() {
        peakJavaThreads.set(THREADS.getThreadCount());
        peakOsThreads.set(osThreads());
        peakHeap.set(0);
    }

    long javaThreads() {
        return THREADS.getThreadCount();
    }

    long peakJavaThreads() {
        return peakJavaThreads.get();
    }

    long peakOsThreads() {
        return peakOsThreads.get();
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    static long osThreads() {
        try (var tasks = Files.list(TASKS)) {
            return tasks.count();
        } catch (IOException e) {
            return -1;
        }
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The machine's load average over the last minute: above the number of cores, the run had to share them. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "-1";
        }
    }

    /** A line of {@code /proc/self/status} in kB (VmRSS now, VmHWM the peak so far), or -1 where there is none. */
    static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
