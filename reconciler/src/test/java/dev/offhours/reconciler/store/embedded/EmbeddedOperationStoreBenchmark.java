package dev.offhours.reconciler.store.embedded;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.Page;
import dev.offhours.core.work.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Fills an embedded store with operation records (default 1,000,000: 5,000 targets x 200 transitions over 100 days)
 * and measures the API's reads. Not a test: prints {@code name: value} lines. Run from the reconciler module with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) ...EmbeddedOperationStoreBenchmark [records] [dir]}.
 */
public final class EmbeddedOperationStoreBenchmark {

    private static final Instant START = Instant.parse("2026-08-01T06:00:00Z");

    private EmbeddedOperationStoreBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path directory = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("offhours-embedded-bench");
        Path file = directory.resolve("hub.mv.db");
        int targets = 5_000;
        long loadStart = System.nanoTime();
        try (EmbeddedHubStore hub = EmbeddedHubStore.open(file)) {
            for (int i = 0; i < records; i++) {
                hub.operations().save(record(i, targets));
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.println("embedded.records: " + records);
        System.out.printf("embedded.load.seconds: %.1f%n", loadSeconds);
        System.out.printf("embedded.load.records_per_second: %.0f%n", records / loadSeconds);
        System.out.printf("embedded.file.megabytes: %.1f%n", Files.size(file) / 1e6);

        long openStart = System.nanoTime();
        try (EmbeddedHubStore hub = EmbeddedHubStore.open(file)) {
            System.out.printf("embedded.reopen.ms: %.1f%n", (System.nanoTime() - openStart) / 1e6);
            Instant to = START.plus(Duration.ofDays(200));
            Instant from = START.minus(Duration.ofDays(1));
            EmbeddedOperationStore ops = hub.operations();
            long coldStart = System.nanoTime();
            int coldSize = ops.latest(from, to, null, 50).items().size();
            System.out.printf("embedded.latest50.first_after_open.ms: %.2f (%d items)%n", (System.nanoTime() - coldStart) / 1e6, coldSize);
            measure("embedded.latest50", () -> ops.latest(from, to, null, 50));
            Page<OperationRecord> first = ops.latest(from, to, null, 50);
            measure("embedded.latest50.page2", () -> ops.latest(from, to, first.nextCursor(), 50));
            measure("embedded.failures50", () -> ops.failures(from, to, null, 50));
            measure("embedded.byTarget50", () -> ops.byTarget(targetKey(1234), null, 50));
            measure("embedded.byTransition50", () -> ops.byTransition("schedule-7", transition(records / targets - 1), null, 50));
        }
    }

    private static void measure(String name, Supplier<Page<OperationRecord>> read) {
        for (int i = 0; i < 300; i++) {
            read.get();
        }
        int runs = 2_000;
        long[] nanos = new long[runs];
        int items = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            items = read.get().items().size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%s.items: %d%n", name, items);
        System.out.printf("%s.p50.ms: %.3f%n", name, nanos[runs / 2] / 1e6);
        System.out.printf("%s.p99.ms: %.3f%n", name, nanos[runs * 99 / 100] / 1e6);
        System.out.printf("%s.max.ms: %.3f%n", name, nanos[runs - 1] / 1e6);
    }

    /** Record i: target i mod 5,000 at transition i / 5,000 (two transitions a day), 1 in 20 FAILED. */
    private static OperationRecord record(int i, int targets) {
        int target = i % targets;
        Instant transition = transition(i / targets);
        Instant created = transition.plusMillis(200L + target * 7L);
        OperationStatus status = i % 20 == 0 ? OperationStatus.FAILED : OperationStatus.SUCCEEDED;
        return new OperationRecord("schedule-" + (target % 50), transition, targetKey(target), Action.SLEEP,
                new Capacity(1, 2, 5), new Capacity(0, 0, 0), status, 1, status == OperationStatus.FAILED ? "Throttling" : null,
                "put to sleep: min=1,desired=2,max=5 -> min=0,desired=0,max=0", Duration.ofMillis(180),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null, created, created.plusMillis(180),
                created.plus(Duration.ofDays(30)));
    }

    private static Instant transition(int n) {
        return START.plus(Duration.ofHours(12L * n));
    }

    private static String targetKey(int target) {
        return String.format("%012d#eu-central-1#asg#web-%04d", 100_000_000_000L + target / 100, target);
    }
}
