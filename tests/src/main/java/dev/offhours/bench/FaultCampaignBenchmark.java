package dev.offhours.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.CapacityRules;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Timeline;
import dev.offhours.reconciler.converge.process.FleetOnMoto;
import dev.offhours.reconciler.converge.process.HubProcess;
import dev.offhours.reconciler.converge.process.HubProcessConfig;
import dev.offhours.reconciler.converge.process.SchedulesRepository;
import dev.offhours.reconciler.converge.process.SchedulesRepository.Period;
import dev.offhours.reconciler.converge.process.SchedulesRepository.Spec;
import dev.offhours.simulator.Target;
import dev.offhours.testsupport.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The fault campaign: a simulated fleet (default 2,000 targets in 100 accounts, ASGs and EKS node groups) under four
 * UTC schedules, two of which flip every few minutes, while the hub's convergence loop runs in a separate JVM
 * (HubProcessMain) on moto (DynamoDB control, inventory and operations tables, SQS work queue) and this JVM
 * runs the real worker. Faults at seeded random moments: kill -9 of the hub (restarted after a few seconds), the
 * store and the queue cut for 30-120 s (a TCP proxy in front of moto that both the hub and the worker go through),
 * duplicate deliveries and work items delayed by minutes ({@link CampaignChaos}), a change of a schedule's asleep
 * shape, and a keepAwake merged in the minute of a transition. Prints {@code name: value} lines once the campaign
 * settles. The tables and the queues live in two moto processes (moto answers on one core); the hub's first pass
 * over the whole fleet runs before the faults and is reported apart ({@code warm_up_first_pass_s}).
 *
 * <p>Scale with system properties: {@code campaign.accounts} (100), {@code campaign.asgs} (17 per account),
 * {@code campaign.nodegroups} (3 per account), {@code campaign.minutes} (fault window, 7), {@code campaign.flipEvery}
 * (minutes between a flipping schedule's transitions, 3), {@code campaign.kills} (2), {@code campaign.settleMinutes}
 * (5), {@code campaign.warmUpMinutes} (15: the first pass over 2,000 targets took about 11 minutes on a shared
 * 2-core machine, where moto answered about 50 requests a second), {@code campaign.seed}.
 */
public final class FaultCampaignBenchmark {

    private static final List<String> SCHEDULES = List.of("flip-a", "flip-b", "steady-awake", "steady-asleep");
    /**
     * Ticks of 10 s and pages of 250: every counting pass costs a query per page, which moto answers by reading the
     * whole table on its one core, and the worker needs that core too.
     */
    private static final Duration TICK = Duration.ofSeconds(10);
    private static final int PAGE = 250;
    /** A restarted hub takes over within this. */
    private static final Duration LEASE = Duration.ofSeconds(20);
    /** Longer than the worker's backlog after a flip, so that a busy queue is not filled with resends. */
    private static final Duration RESEND_AFTER = Duration.ofMinutes(3);

    private FaultCampaignBenchmark() {
    }

    /** One injected fault: its kind, when it started, and when it cleared (null while on). */
    private record Fault(String kind, Instant started, Instant cleared) {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        long seed = Long.getLong("campaign.seed", 20261206L);
        int accounts = Integer.getInteger("campaign.accounts", 100);
        int asgs = Integer.getInteger("campaign.asgs", 17);
        int nodegroups = Integer.getInteger("campaign.nodegroups", 3);
        int minutes = Integer.getInteger("campaign.minutes", 7);
        int flipEvery = Integer.getInteger("campaign.flipEvery", 3);
        int kills = Integer.getInteger("campaign.kills", 2);
        int settleMinutes = Integer.getInteger("campaign.settleMinutes", 5);
        int warmUpMinutes = Integer.getInteger("campaign.warmUpMinutes", 15);
        Random random = new Random(seed);
        Clock clock = Clock.systemUTC();
        long runStart = System.nanoTime();
        Path work = Files.createTempDirectory("offhours-fault-campaign");
        System.err.println("fault campaign: working in " + work);

        try (MotoServer tablesMoto = MotoServer.start(work.resolve("moto-tables"));
             MotoServer queuesMoto = MotoServer.start(work.resolve("moto-queues"));
             CuttableProxy storeProxy = CuttableProxy.start(tablesMoto.endpoint(), "store");
             CuttableProxy queueProxy = CuttableProxy.start(queuesMoto.endpoint(), "queue");
             FleetOnMoto fleet = new FleetOnMoto(tablesMoto, queuesMoto, "campaign-",
                     new FleetOnMoto.Shape(accounts, asgs, nodegroups, SCHEDULES, seed), clock.instant());
             SchedulesRepository repository = SchedulesRepository.create(work.resolve("schedules"))) {
            // first every schedule but one asleep for hours: the hub's first pass over the whole fleet is the
            // warm-up, measured apart; the flips are committed once it converged
            Map<String, Spec> specs = new LinkedHashMap<>();
            Period later = new Period(minuteOf(clock.instant().plus(Duration.ofHours(3))),
                    minuteOf(clock.instant().plus(Duration.ofHours(4))));
            for (String name : List.of("flip-a", "flip-b", "steady-asleep")) {
                specs.put(name, new Spec(name, List.of(later), List.of(), 0, 0));
            }
            // awake for 23 hours around the run (a period may wrap midnight; one of 24 hours cannot be written)
            specs.put("steady-awake", new Spec("steady-awake", List.of(new Period(
                    minuteOf(clock.instant().minus(Duration.ofHours(1))),
                    minuteOf(clock.instant().minus(Duration.ofHours(2))))), List.of(), 0, 0));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                ids.add(Long.toString(FleetOnMoto.FIRST_ACCOUNT + i));
            }
            repository.accounts(ids, FleetOnMoto.REGION);
            Expectation expectation = new Expectation(fleet);
            commit(repository, specs, expectation, "the campaign's schedules");

            Path hubLog = work.resolve("hub.log");
            HubProcessConfig config = fleet.hubConfig("hub-1", storeProxy.endpoint(), queueProxy.endpoint(),
                    repository.root(), work, TICK, LEASE, RESEND_AFTER, PAGE, Duration.ofSeconds(2));
            long warmUpStart = System.nanoTime();
            HubProcess[] hub = {HubProcess.start(config, hubLog)};
            CampaignChaos chaos = new CampaignChaos(fleet.sqs(), fleet.queueUrl(), seed);
            fleet.startWorkers(storeProxy.endpoint(), queueProxy.endpoint(), 8, chaos::wrap, clock);
            Monitor monitor = new Monitor(fleet, expectation, clock);
            monitor.start();
            if (!monitor.awaitSettled(clock.instant().plus(Duration.ofMinutes(warmUpMinutes)))) {
                throw new IllegalStateException("FaultCampaignBenchmark: the first pass did not converge; see "
                        + hubLog);
            }
            long warmUpSeconds = (System.nanoTime() - warmUpStart) / 1_000_000_000L;

            Instant t0 = clock.instant().plus(Duration.ofSeconds(70)).truncatedTo(ChronoUnit.MINUTES);
            Instant end = t0.plus(Duration.ofMinutes(minutes));
            specs.put("flip-a", flipping("flip-a", t0.plus(Duration.ofMinutes(1)), end, flipEvery));
            specs.put("flip-b", flipping("flip-b", t0.plus(Duration.ofMinutes(2)), end, flipEvery));
            commit(repository, specs, expectation, "the flips");
            List<Fault> faults = new CopyOnWriteArrayList<>();
            TreeMap<Instant, Runnable> timeline = new TreeMap<>();
            int restarts = 1;
            for (int k = 0; k < kills; k++) {
                Instant at = randomMoment(random, t0, end.minusSeconds(30));
                long down = 3 + random.nextInt(13);
                int number = ++restarts;
                timeline.put(unique(timeline, at), () -> {
                    Instant started = clock.instant();
                    hub[0].kill();
                    sleep(Duration.ofSeconds(down));
                    hub[0] = HubProcess.start(config.restartedAs("hub-" + number), hubLog);
                    faults.add(new Fault("hub_kill", started, clock.instant()));
                });
            }
            outage(timeline, random, t0, end, "store_outage", storeProxy, faults, clock);
            outage(timeline, random, t0, end, "queue_outage", queueProxy, faults, clock);
            Instant duplicatesAt = randomMoment(random, t0, end.minusSeconds(60));
            timeline.put(unique(timeline, duplicatesAt), () -> {
                Instant started = clock.instant();
                chaos.duplicates(0.3);
                sleep(Duration.ofSeconds(60));
                chaos.duplicates(0);
                faults.add(new Fault("duplicate_deliveries", started, clock.instant().plusSeconds(5)));
            });
            Instant delaysAt = randomMoment(random, t0, end.minusSeconds(60));
            timeline.put(unique(timeline, delaysAt), () -> {
                Instant started = clock.instant();
                chaos.delays(0.2, 60, 180);
                sleep(Duration.ofSeconds(60));
                chaos.delays(0, 0, 0);
                // cleared once the last delayed copy can have come back
                faults.add(new Fault("delayed_deliveries", started, clock.instant().plusSeconds(180)));
            });
            Instant shapeAt = randomMoment(random, t0, end.minusSeconds(60));
            timeline.put(unique(timeline, shapeAt), () -> {
                Instant started = clock.instant();
                specs.put("steady-asleep", specs.get("steady-asleep").withAsleep(1, 1));
                specs.put("flip-b", specs.get("flip-b").withAsleep(0, 1));
                commit(repository, specs, expectation, "asleep shapes changed");
                faults.add(new Fault("asleep_shape_change", started, clock.instant()));
            });
            // in the minute of one of flip-a's transitions, a keepAwake for two minutes
            Instant transition = t0.plus(Duration.ofMinutes(1L + flipEvery * (1L + random.nextInt(
                    Math.max(1, (minutes - 2) / flipEvery)))));
            Instant mergeAt = transition.plusSeconds(5 + random.nextInt(40));
            timeline.put(unique(timeline, mergeAt.isBefore(end) ? mergeAt : transition.minusSeconds(20)), () -> {
                Instant started = clock.instant();
                specs.put("flip-a", specs.get("flip-a").withKeepAwake(started.plus(Duration.ofMinutes(2))
                        .truncatedTo(ChronoUnit.SECONDS)));
                commit(repository, specs, expectation, "keepAwake merged in a transition's minute");
                faults.add(new Fault("keepawake_merge_at_transition", started, clock.instant()));
            });

            for (Map.Entry<Instant, Runnable> step : timeline.entrySet()) {
                sleepUntil(clock, step.getKey());
                step.getValue().run();
            }
            sleepUntil(clock, end);
            Instant lastClear = faults.stream().map(Fault::cleared).max(Comparator.naturalOrder()).orElse(end);
            sleepUntil(clock, lastClear);
            Instant settleDeadline = clock.instant().plus(Duration.ofMinutes(settleMinutes));
            boolean settled = monitor.awaitSettled(settleDeadline);
            monitor.stop();

            Map<String, Long> perKind = faults.stream().collect(Collectors.groupingBy(Fault::kind, TreeMap::new,
                    Collectors.counting()));
            List<Double> converge = new ArrayList<>();
            int neverConverged = 0;
            for (Fault fault : faults) {
                Optional<Instant> at = monitor.firstConvergedAtOrAfter(fault.cleared());
                if (at.isPresent()) {
                    converge.add(Duration.between(fault.cleared(), at.get()).toMillis() / 1000.0);
                } else {
                    neverConverged++;
                }
            }
            Verdicts verdicts;
            try {
                verdicts = verdicts(fleet, expectation, monitor, clock.instant());
            } catch (RuntimeException e) {
                // the figures measured so far still count: print them with the checks marked as not done
                verdicts = new Verdicts(-1, -1, -1, 0, List.of("the final checks failed: " + e));
            }

            print("targets", fleet.targets().size());
            print("accounts", accounts);
            print("nodegroups", fleet.targets().stream().filter(t -> t.kind() != dev.offhours.core.work.TargetKind.ASG)
                    .count());
            print("schedules", SCHEDULES.size());
            print("warm_up_first_pass_s", warmUpSeconds);
            print("scheduled_transitions", expectation.transitionsBetween(t0, end));
            print("intents_seen", monitor.intentsSeen());
            print("faults_injected", faults.size());
            perKind.forEach((kind, count) -> print("faults_" + kind, count));
            print("hub_restarts", kills);
            print("work_items_duplicated", chaos.duplicated());
            print("work_items_delayed", chaos.delayed());
            print("settled", settled);
            print("targets_wrong_after_settle", verdicts.wrong());
            print("awake_capacity_lost", verdicts.awakeLost());
            print("records_missing", verdicts.recordsMissing());
            print("records_checked", verdicts.recordsChecked());
            print("time_to_converge_p50_s", String.format("%.1f", percentile(converge, 0.50)));
            print("time_to_converge_p99_s", String.format("%.1f", percentile(converge, 0.99)));
            print("time_to_converge_max_s", String.format("%.1f", percentile(converge, 1.0)));
            print("faults_never_converged", neverConverged);
            print("run_duration_s", (System.nanoTime() - runStart) / 1_000_000_000L);
            print("available_cpus", Runtime.getRuntime().availableProcessors());
            print("baseline", "not runnable: the edge-triggered Dispatcher and QuartzTransitionRegistry it would"
                    + " compare with were removed when the hub became level-triggered");
            verdicts.examples().forEach(example -> System.err.println("wrong: " + example));
            hub[0].close();
        }
    }

    /** Awake for flipEvery minutes, asleep for flipEvery, from {@code first} until {@code end}, then asleep. */
    private static Spec flipping(String name, Instant first, Instant end, int flipEvery) {
        List<Period> awake = new ArrayList<>();
        for (Instant from = first; from.isBefore(end); from = from.plus(Duration.ofMinutes(2L * flipEvery))) {
            Instant to = from.plus(Duration.ofMinutes(flipEvery));
            awake.add(new Period(minuteOf(from), minuteOf(to.isAfter(end) ? end : to)));
        }
        return new Spec(name, awake, List.of(), 0, 0);
    }

    private static LocalTime minuteOf(Instant at) {
        return LocalTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    }

    private static void commit(SchedulesRepository repository, Map<String, Spec> specs, Expectation expectation,
                               String message) {
        specs.values().forEach(repository::schedule);
        expectation.use(repository.catalog());
        repository.commit(message);
    }

    private static void outage(TreeMap<Instant, Runnable> timeline, Random random, Instant t0, Instant end,
                               String kind, CuttableProxy proxy, List<Fault> faults, Clock clock) {
        Instant at = randomMoment(random, t0, end.minusSeconds(120));
        long seconds = 30 + random.nextInt(91);
        timeline.put(unique(timeline, at), () -> {
            Instant started = clock.instant();
            proxy.cut();
            // the outage runs beside the later steps: they wait on their own times, not on this one
            Thread restore = new Thread(() -> {
                sleep(Duration.ofSeconds(seconds));
                proxy.restore();
                faults.add(new Fault(kind, started, clock.instant()));
            }, "restore-" + kind);
            restore.setDaemon(true);
            restore.start();
        });
    }

    private static Instant randomMoment(Random random, Instant from, Instant to) {
        long span = Math.max(1, Duration.between(from, to).toSeconds());
        return from.plusSeconds(random.nextLong(span));
    }

    private static Instant unique(TreeMap<Instant, Runnable> timeline, Instant at) {
        Instant free = at;
        while (timeline.containsKey(free)) {
            free = free.plusMillis(1);
        }
        return free;
    }

    /** What each target should look like now: its schedule's state in the last committed revision. */
    static final class Expectation {
        private final FleetOnMoto fleet;
        private volatile Map<String, Schedule> schedules = Map.of();
        private volatile Map<String, Timeline> timelines = Map.of();

        Expectation(FleetOnMoto fleet) {
            this.fleet = fleet;
        }

        void use(ScheduleCatalog catalog) {
            Map<String, Schedule> next = new HashMap<>(catalog.schedules());
            Map<String, Timeline> lines = new HashMap<>();
            next.forEach((name, schedule) -> lines.put(name, Timeline.of(schedule, HolidaySource.none())));
            schedules = next;
            timelines = lines;
        }

        PowerState state(Target target, Instant at) {
            return timelines.get(fleet.schedule(target)).stateAt(at);
        }

        Capacity capacity(Target target, Instant at) {
            return state(target, at) == PowerState.AWAKE ? fleet.original(target)
                    : CapacityRules.asleepCapacity(target.kind(), schedules.get(fleet.schedule(target)).asleep());
        }

        int transitionsBetween(Instant from, Instant to) {
            int count = 0;
            for (Timeline timeline : timelines.values()) {
                for (Instant at = from; ; ) {
                    Optional<dev.offhours.core.time.Transition> next = timeline.nextTransition(at);
                    if (next.isEmpty() || next.get().at().isAfter(to)) {
                        break;
                    }
                    count++;
                    at = next.get().at();
                }
            }
            return count;
        }
    }

    /**
     * Looks at the fleet every second (how many targets differ from what their schedule wants now) and at the
     * intents every few seconds (through moto directly), remembering the instants the fleet was all right.
     */
    static final class Monitor {
        private final FleetOnMoto fleet;
        private final Expectation expectation;
        private final Clock clock;
        private final List<Instant> converged = new CopyOnWriteArrayList<>();
        private final Map<String, ScheduleIntent> intents = new ConcurrentHashMap<>();
        private final Set<String> convergedIntents = ConcurrentHashMap.newKeySet();
        private volatile boolean running = true;
        private volatile int lastWrong = -1;
        private volatile String lastExample = "";
        private Thread thread;

        Monitor(FleetOnMoto fleet, Expectation expectation, Clock clock) {
            this.fleet = fleet;
            this.expectation = expectation;
            this.clock = clock;
        }

        void start() {
            thread = new Thread(this::loop, "campaign-monitor");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }

        private void loop() {
            long rounds = 0;
            while (running) {
                Instant now = clock.instant();
                int wrong = 0;
                String example = "";
                for (Target target : fleet.targets()) {
                    Capacity expected = expectation.capacity(target, now);
                    if (!fleet.capacity(target).equals(expected)) {
                        if (wrong++ == 0) {
                            example = FleetOnMoto.key(target) + " is " + fleet.capacity(target) + ", expected "
                                    + expected;
                        }
                    }
                }
                lastWrong = wrong;
                lastExample = example;
                if (wrong == 0) {
                    converged.add(now);
                }
                if (rounds++ % 3 == 0) {
                    readIntents();
                }
                sleep(Duration.ofSeconds(1));
            }
        }

        private void readIntents() {
            try {
                for (ScheduleIntent intent : fleet.intents()) {
                    String key = intent.schedule() + "@" + intent.since();
                    intents.put(key, intent);
                    if (intent.converged()) {
                        convergedIntents.add(key);
                    }
                }
            } catch (RuntimeException e) {
                // moto busy: the next look catches up
            }
        }

        Optional<Instant> firstConvergedAtOrAfter(Instant at) {
            return converged.stream().filter(t -> !t.isBefore(at)).findFirst();
        }

        /** Until the fleet is right, every intent converged and the queue empty, for 15 s in a row. */
        boolean awaitSettled(Instant deadline) {
            Instant calmSince = null;
            long looks = 0;
            while (clock.instant().isBefore(deadline)) {
                int depth = fleet.queueDepth();
                List<String> behind = fleet.intents().stream().filter(i -> !i.converged())
                        .map(i -> i.schedule() + " " + (i.progress() == null ? "-" : i.progress().converged() + "/"
                                + i.progress().targets())).toList();
                boolean calm = lastWrong == 0 && depth == 0 && behind.isEmpty();
                if (looks++ % 10 == 0) {
                    System.err.println(clock.instant() + " settling: wrong " + lastWrong + " (" + lastExample
                            + "), queue " + depth + ", intents behind " + behind);
                }
                if (calm && calmSince == null) {
                    calmSince = clock.instant();
                } else if (!calm) {
                    calmSince = null;
                }
                if (calmSince != null && Duration.between(calmSince, clock.instant()).toSeconds() >= 15) {
                    return true;
                }
                sleep(Duration.ofSeconds(2));
            }
            return false;
        }

        int intentsSeen() {
            return intents.size();
        }

        /** The intents every target of their schedule should have a final record for: converged ones and the last. */
        Map<String, List<Instant>> owedIntents() {
            readIntents();
            Map<String, List<Instant>> owed = new HashMap<>();
            for (Map.Entry<String, ScheduleIntent> entry : intents.entrySet()) {
                ScheduleIntent intent = entry.getValue();
                if (convergedIntents.contains(entry.getKey())) {
                    owed.computeIfAbsent(intent.schedule(), s -> new ArrayList<>()).add(intent.since());
                }
            }
            fleet.intents().forEach(last -> {
                List<Instant> list = owed.computeIfAbsent(last.schedule(), s -> new ArrayList<>());
                if (!list.contains(last.since())) {
                    list.add(last.since());
                }
            });
            return owed;
        }
    }

    private record Verdicts(int wrong, int awakeLost, int recordsMissing, int recordsChecked,
                            List<String> examples) {
    }

    private static Verdicts verdicts(FleetOnMoto fleet, Expectation expectation, Monitor monitor, Instant now) {
        Map<String, List<Instant>> owed = monitor.owedIntents();
        int wrong = 0;
        int lost = 0;
        int missing = 0;
        int checked = 0;
        List<String> examples = new ArrayList<>();
        Map<String, List<OperationRecord>> records = fleet.recordsByTarget();
        Map<String, InventoryItem> inventory = fleet.inventoryByTarget(SCHEDULES);
        for (Target target : fleet.targets()) {
            String key = FleetOnMoto.key(target);
            Capacity actual = fleet.capacity(target);
            if (!actual.equals(expectation.capacity(target, now))) {
                wrong++;
                note(examples, key + " is " + actual + ", expected " + expectation.capacity(target, now));
            }
            Optional<Capacity> remembered = expectation.state(target, now) == PowerState.AWAKE ? Optional.of(actual)
                    : Optional.ofNullable(inventory.get(key)).map(InventoryItem::savedAwake);
            if (!remembered.equals(Optional.of(fleet.original(target)))) {
                lost++;
                note(examples, key + " awake capacity " + remembered + ", was " + fleet.original(target));
            }
            Set<Instant> finals = records.getOrDefault(key, List.of()).stream().filter(r -> r.status().isFinal())
                    .filter(r -> r.schedule().equals(fleet.schedule(target)))
                    .map(OperationRecord::transition).collect(Collectors.toSet());
            for (Instant since : owed.getOrDefault(fleet.schedule(target), List.of())) {
                checked++;
                if (!finals.contains(since)) {
                    missing++;
                    note(examples, key + " has no final record for " + fleet.schedule(target) + "@" + since);
                }
            }
        }
        return new Verdicts(wrong, lost, missing, checked, examples);
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < 20) {
            examples.add(example);
        }
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void sleepUntil(Clock clock, Instant at) {
        Duration wait = Duration.between(clock.instant(), at);
        if (!wait.isNegative()) {
            sleep(wait);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void print(String name, Object value) {
        System.out.println(name + ": " + value);
    }

    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.ERROR);
        }
    }
}
