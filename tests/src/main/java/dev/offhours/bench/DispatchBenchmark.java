package dev.offhours.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.dispatch.DispatchResult;
import dev.offhours.reconciler.dispatch.Dispatcher;
import dev.offhours.reconciler.dispatch.Revision;
import dev.offhours.reconciler.dispatch.SqsWorkQueue;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Dispatch of one transition of one schedule with 10,000 targets: embedded hub store (inventory read page by page
 * from its {@code bySchedule} index), the real dispatcher and SQS work queue against embedded ElasticMQ. Prints
 * {@code name: value} lines; {@code dispatch_ms} runs from the fire (the dispatcher's call) to the last enqueue
 * acknowledged. A smaller schedule is dispatched first to warm up the JIT and the HTTP connections. ElasticMQ runs in
 * the same process, so {@code process_cpu_ms} (CPU of both during the dispatch) says what the dispatch costs when the
 * machine is shared; {@code load_average} says how shared it was.
 *
 * <p>Usage: {@code DispatchBenchmark [--targets N] [--concurrency N]}
 */
public final class DispatchBenchmark {

    private static final long GOAL_MS = 5000;
    private static final Instant TRANSITION = Instant.parse("2027-03-01T18:00:00Z");
    private static final Revision REVISION = new Revision("main@sha1:benchmark", AccountRegistry.EMPTY);

    private DispatchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        quietLogging();
        int targets = intOption(args, "--targets", 10_000);
        int concurrency = intOption(args, "--concurrency", 12);
        Path dir = Files.createTempDirectory("offhours-dispatch-bench");
        try (EmbeddedHubStore hub = EmbeddedHubStore.open(dir.resolve("hub.mv"));
             EmbeddedElasticMq mq = EmbeddedElasticMq.start();
             SqsClient sqs = mq.newClient()) {
            String queueUrl = mq.createQueue("work", Map.of());
            fill(hub, "warm-up", 1_000);
            fill(hub, "bench", targets);
            Clock clock = Clock.fixed(TRANSITION, ZoneOffset.UTC);
            try (SqsWorkQueue queue = new SqsWorkQueue(sqs, queueUrl, concurrency, 5, Duration.ofMillis(100))) {
                Dispatcher dispatcher = new Dispatcher(hub.control(), hub.inventory(), queue, clock, "benchmark");
                dispatcher.dispatch(schedule("warm-up"), TRANSITION, PowerState.ASLEEP, REVISION);

                long cpuStart = processCpuNanos();
                long dispatcherCpuStart = dispatcherCpuNanos();
                long start = System.nanoTime();
                DispatchResult result = dispatcher.dispatch(schedule("bench"), TRANSITION, PowerState.ASLEEP, REVISION);
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                long cpuMs = (processCpuNanos() - cpuStart) / 1_000_000;
                long dispatcherCpuMs = (dispatcherCpuNanos() - dispatcherCpuStart) / 1_000_000;

                print("targets", targets);
                print("work_items_sent", result.sent());
                print("work_items_failed", result.report().failed());
                print("dispatch_ms", elapsedMs);
                print("process_cpu_ms", cpuMs);
                print("dispatcher_cpu_ms", dispatcherCpuMs);
                print("available_cpus", Runtime.getRuntime().availableProcessors());
                print("load_average", String.format("%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                print("sqs_send_calls", result.report().calls());
                print("send_concurrency", concurrency);
                print("inventory_reads", result.pagesRead() + " pages / " + result.itemsRead() + " items");
                print("messages_on_queue", mq.approximateMessages(queueUrl) - 1_000);
                print("goal_ms", GOAL_MS);
                print("ratio_to_goal", String.format("%.3f", elapsedMs / (double) GOAL_MS));
            }
        }
    }

    /** CPU used by this process (dispatcher and ElasticMQ alike): what the dispatch costs on an idle machine. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** CPU of the dispatcher's own threads (the caller and the SQS senders, SDK work included), not ElasticMQ's. */
    private static long dispatcherCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().equals("main")
                    || info.getThreadName().startsWith("offhours-sqs-send"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static void fill(EmbeddedHubStore hub, String schedule, int count) {
        Instant at = Instant.parse("2027-03-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String account = String.format("%012d", 100_000_000_000L + i % 200);
            Target target = Target.asg(account, i % 2 == 0 ? "eu-west-1" : "us-east-1", schedule + "-asg-" + i);
            hub.inventory().upsert(new InventoryItem(target, schedule, Map.of("offhours.dev/schedule", schedule), null,
                    null, TargetState.AWAKE, null, InventoryItem.DISCOVERY, 1, at));
        }
    }

    private static Schedule schedule(String name) {
        return new Schedule(name, "bench", "", ZoneId.of("UTC"),
                List.of(new AwakePeriod(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(18, 0))),
                List.of(), List.of(), List.of(), false, false, Scope.EVERYWHERE, AsleepCapacity.ZERO, "");
    }

    private static void print(String name, Object value) {
        System.out.println(name + ": " + value);
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
