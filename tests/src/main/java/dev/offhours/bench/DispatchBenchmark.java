package dev.offhours.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.converge.ConvergenceLoop;
import dev.offhours.reconciler.converge.ConvergencePass;
import dev.offhours.reconciler.converge.ConvergenceSettings;
import dev.offhours.reconciler.converge.ManualTimer;
import dev.offhours.reconciler.dispatch.CurrentRevision;
import dev.offhours.reconciler.dispatch.SendReport;
import dev.offhours.reconciler.dispatch.SqsWorkQueue;
import dev.offhours.reconciler.dispatch.WorkQueue;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The first pass of one intent of one schedule with 10,000 targets: embedded hub store (inventory read page by page
 * from its {@code bySchedule} index), the real convergence loop and pass and the SQS work queue against embedded
 * ElasticMQ. Prints {@code name: value} lines; {@code dispatch_ms} runs from the fire (the loop's run at the
 * transition instant: intent written, lease taken, every target judged and sent, the count written) to the last
 * enqueue acknowledged; {@code messages_sent} says how many messages carried them (each account's items go in
 * bundles). A smaller schedule on a store of its own goes first to warm up the JIT and the HTTP
 * connections. ElasticMQ runs in the same process, so {@code process_cpu_ms} (CPU of both during the pass) says what
 * the pass costs when the machine is shared; {@code load_average} says how shared it was.
 *
 * <p>Usage: {@code DispatchBenchmark [--targets N] [--concurrency N]}
 */
public final class DispatchBenchmark {

    private static final long GOAL_MS = 5000;
    private static final Instant TRANSITION = Instant.parse("2027-03-01T18:00:00Z");
    private static final int ACCOUNTS = 200;
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

    private DispatchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        quietLogging();
        int targets = intOption(args, "--targets", 10_000);
        int concurrency = intOption(args, "--concurrency", 12);
        Path dir = Files.createTempDirectory("offhours-dispatch-bench");
        try (EmbeddedHubStore warmUpStore = EmbeddedHubStore.open(dir.resolve("warm-up.mv"));
             EmbeddedHubStore hub = EmbeddedHubStore.open(dir.resolve("hub.mv"));
             EmbeddedElasticMq mq = EmbeddedElasticMq.start();
             SqsClient sqs = mq.newClient()) {
            String queueUrl = mq.createQueue("work", Map.of());
            fill(warmUpStore, "warm-up", 1_000);
            fill(hub, "bench", targets);
            Clock clock = Clock.fixed(TRANSITION, ZoneOffset.UTC);
            try (SqsWorkQueue sqsQueue = new SqsWorkQueue(sqs, queueUrl, concurrency, 5, Duration.ofMillis(100))) {
                fire(loop(warmUpStore.control(), warmUpStore.inventory(), sqsQueue, clock), schedule("warm-up"));
                long warmUpMessages = mq.approximateMessages(queueUrl);

                Counts counts = new Counts();
                ConvergenceLoop loop = loop(counting(hub.control(), ControlStore.class, counts),
                        counting(hub.inventory(), InventoryStore.class, counts), counts.queue(sqsQueue), clock);
                long cpuStart = processCpuNanos();
                long dispatcherCpuStart = dispatcherCpuNanos();
                long start = System.nanoTime();
                fire(loop, schedule("bench"));
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                long cpuMs = (processCpuNanos() - cpuStart) / 1_000_000;
                long dispatcherCpuMs = (dispatcherCpuNanos() - dispatcherCpuStart) / 1_000_000;
                SendReport sent = counts.sent.get();

                print("targets", targets);
                print("work_items_sent", sent.sent());
                print("work_items_failed", sent.failed());
                print("dispatch_ms", elapsedMs);
                print("process_cpu_ms", cpuMs);
                print("dispatcher_cpu_ms", dispatcherCpuMs);
                print("available_cpus", Runtime.getRuntime().availableProcessors());
                print("load_average", String.format("%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                print("sqs_send_calls", sent.calls());
                print("messages_sent", sent.messages());
                print("send_concurrency", concurrency);
                print("inventory_reads", counts.pages.get() + " pages / " + counts.items.get() + " items");
                print("intent_writes", counts.intentWrites.get());
                print("intent_progress", hub.control().intent("bench").map(i -> i.progress().targets() + " targets, "
                        + i.progress().pending() + " pending").orElse("none"));
                print("messages_on_queue", mq.approximateMessages(queueUrl) - warmUpMessages);
                print("goal_ms", GOAL_MS);
                print("ratio_to_goal", String.format("%.3f", elapsedMs / (double) GOAL_MS));
            }
        }
    }

    /** A loop on a store and a queue; its timer is never started: the benchmark fires it by hand. */
    private static ConvergenceLoop loop(ControlStore control, InventoryStore inventory, WorkQueue queue, Clock clock) {
        ConvergenceSettings settings = ConvergenceSettings.defaults();
        ConvergencePass pass = new ConvergencePass(control, inventory, queue, settings, "dispatch-benchmark");
        CurrentRevision revision = new CurrentRevision();
        revision.set("main@sha1:benchmark", accounts());
        return new ConvergenceLoop(control, pass, revision, new ManualTimer(), settings, clock);
    }

    /** Registers the schedule as the reconciler would and runs the loop once at the transition instant. */
    private static void fire(ConvergenceLoop loop, Schedule schedule) {
        loop.applyAll(() -> loop.register(schedule, Timeline.of(schedule, HolidaySource.none())));
        if (!loop.runOnce()) {
            throw new IllegalStateException("DispatchBenchmark: the loop did not run");
        }
    }

    private static AccountRegistry accounts() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String id = String.format("%012d", 100_000_000_000L + i);
            accounts.add(new Account(id, "acct-" + i, REGIONS, List.of()));
        }
        return new AccountRegistry(accounts);
    }

    /** What the pass asked of the stores and the queue. */
    private static final class Counts {
        private final AtomicInteger pages = new AtomicInteger();
        private final AtomicInteger items = new AtomicInteger();
        private final AtomicInteger intentWrites = new AtomicInteger();
        private final AtomicReference<SendReport> sent = new AtomicReference<>(SendReport.NOTHING);

        WorkQueue queue(WorkQueue delegate) {
            return work -> delegate.sendAllAsync(work).thenApply(report -> {
                sent.accumulateAndGet(report, SendReport::plus);
                return report;
            });
        }
    }

    /** Counts bySchedule pages and items and intent writes on a store, passing every call on. */
    @SuppressWarnings("unchecked")
    private static <T> T counting(T store, Class<T> port, Counts counts) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("bySchedule") && result instanceof Page<?> page) {
                counts.pages.incrementAndGet();
                counts.items.addAndGet(page.items().size());
            } else if (method.getName().equals("saveIntent")) {
                counts.intentWrites.incrementAndGet();
            }
            return result;
        });
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
