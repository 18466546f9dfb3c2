package dev.offhours.bench;

import dev.offhours.api.SavingsLineView;
import dev.offhours.api.SavingsView;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.api.ApiDependencies;
import dev.offhours.reconciler.api.SavingsEndpoint;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A simulated week of 10,000 targets (ASGs in 3 regions, 1 to 6 instances each, 4 teams' office-hours schedules:
 * asleep 19:00 to 07:30 Berlin time on weekdays and the whole weekend) written as the workers write their operation
 * records into the embedded store, then {@code /v1/savings} over it: records read, time, and what the week saved.
 * {@code -Dexec.args="TARGETS"} changes the fleet size.
 */
public final class SavingsWeekBenchmark {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> REGIONS = List.of("eu-central-1", "eu-west-1", "us-east-1");
    private static final List<String> TEAMS = List.of("payments", "data", "search", "ml");

    private SavingsWeekBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        LocalDate monday = LocalDate.parse("2026-03-02");
        Instant end = monday.plusDays(7).atTime(9, 0).atZone(BERLIN).toInstant(); // the next Monday, 09:00
        Path dir = Files.createTempDirectory("offhours-savings-bench");
        Random random = new Random(42);
        long written = 0;
        try (EmbeddedHubStore store = EmbeddedHubStore.open(dir.resolve("hub.mv"))) {
            long started = System.nanoTime();
            for (int i = 0; i < targets; i++) {
                Target target = Target.asg(String.format(Locale.ROOT, "%012d", 100_000_000_000L + i % 200),
                        REGIONS.get(i % REGIONS.size()), "asg-" + i);
                String schedule = TEAMS.get(i % TEAMS.size()) + "-office-hours";
                int desired = 1 + random.nextInt(6);
                Capacity awake = new Capacity(desired, desired, desired * 2);
                Capacity asleep = new Capacity(0, 0, 0);
                // the week before began asleep (the weekend): Monday's wake, then each weekday's sleep and wake
                for (int day = 0; day < 5; day++) {
                    LocalDate date = monday.plusDays(day);
                    written += record(store, schedule, target, Action.WAKE, date.atTime(7, 30), asleep, awake);
                    written += record(store, schedule, target, Action.SLEEP, date.atTime(19, 0), awake, asleep);
                }
                written += record(store, schedule, target, Action.WAKE, monday.plusDays(7).atTime(7, 30), asleep,
                        awake);
            }
            double writeSeconds = (System.nanoTime() - started) / 1e9;
            Clock clock = Clock.fixed(end, ZoneOffset.UTC);
            ApiDependencies deps = new ApiDependencies(() -> ScheduleCatalog.EMPTY, store.control(),
                    store.inventory(), store.operations(), store.operations(), clock);
            SavingsEndpoint endpoint = new SavingsEndpoint(deps, Duration.ZERO);
            long computeStart = System.nanoTime();
            SavingsView week = endpoint.savings("week");
            double computeSeconds = (System.nanoTime() - computeStart) / 1e9;
            SavingsLineView total = week.total();
            System.out.printf(Locale.ROOT, "targets: %d%n", targets);
            System.out.printf(Locale.ROOT, "records written: %d (%.1f s)%n", written, writeSeconds);
            System.out.printf(Locale.ROOT, "savings compute time: %.2f s%n", computeSeconds);
            System.out.printf(Locale.ROOT, "hours asleep: %.0f (%.1f per target)%n", total.hoursAsleep(),
                    total.hoursAsleep() / targets);
            System.out.printf(Locale.ROOT, "instance-hours avoided: %.0f%n", total.instanceHours());
            System.out.printf(Locale.ROOT, "estimated cost avoided: %.2f %s (prices of %s, every instance %s)%n",
                    total.estimatedCost(), week.currency(), week.priceDate(), week.assumedInstanceType());
            for (SavingsLineView region : week.byAccount().subList(0, Math.min(1, week.byAccount().size()))) {
                System.out.printf(Locale.ROOT, "largest account: %s %.2f %s%n", region.key(), region.estimatedCost(),
                        week.currency());
            }
            System.out.printf(Locale.ROOT, "days: %d%n", week.days().size());
        }
    }

    private static int record(EmbeddedHubStore store, String schedule, Target target, Action action,
                              java.time.LocalDateTime local, Capacity before, Capacity after) {
        Instant at = local.atZone(BERLIN).toInstant();
        if (local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return 0;
        }
        Instant done = at.plusSeconds(20);
        store.operations().save(new OperationRecord(schedule, at, target.key(), action, before, after,
                OperationStatus.SUCCEEDED, 1, null, "done", Duration.ofSeconds(20), null, null, at, done,
                at.plus(Duration.ofDays(90))));
        return 1;
    }
}
