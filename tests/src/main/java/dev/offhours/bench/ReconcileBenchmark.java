package dev.offhours.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.source.SourceFile;
import dev.offhours.core.time.Timeline;
import dev.offhours.reconciler.converge.ConvergenceLoop;
import dev.offhours.reconciler.converge.ConvergencePass;
import dev.offhours.reconciler.converge.ConvergenceSettings;
import dev.offhours.reconciler.dispatch.CurrentRevision;
import dev.offhours.reconciler.dispatch.SendReport;
import dev.offhours.reconciler.dispatch.WorkQueue;
import dev.offhours.reconciler.git.GitSource;
import dev.offhours.reconciler.git.GitSourceConfig;
import dev.offhours.reconciler.reconcile.ReconcileResult;
import dev.offhours.reconciler.reconcile.ReconcileResult.Outcome;
import dev.offhours.reconciler.reconcile.Reconciler;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.reconciler.transition.QuartzTransitionTimer;
import dev.offhours.reconciler.transition.TransitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.listeners.SchedulerListenerSupport;
import org.slf4j.LoggerFactory;

/**
 * Measures the real reconcile path (JGit fetch of a local repository, whole-revision validation, diff, Quartz
 * registration into the convergence loop, whose Quartz timer keeps one wake-up per schedule at its next transition)
 * on a repository of 5,000 generated schedules: the first load, a commit that changes one schedule file (goal: one
 * wake-up touched), and a run with no new commit (nothing read, nothing touched). Prints {@code name: value} lines;
 * fails (non-zero exit) when a revision is refused.
 *
 * <p>Wake-ups touched are counted twice: calls the reconciler makes on the registry (a counting decorator), and
 * distinct schedule triggers Quartz reports (re)scheduled or unscheduled (a scheduler listener on the timer's
 * scheduler), counting only what the reconciling thread did; the loop's own one-shot wake-up after each applied
 * revision is not a schedule's and is left out. The timer is not started, so the loop never runs and no convergence
 * pass competes with the measurement: this measures reconcile, not convergence. The {@code _jobs_touched} names are
 * kept so that figures compare with earlier runs.
 *
 * <p>Usage: {@code ReconcileBenchmark [--schedules N]}.
 */
public final class ReconcileBenchmark {

    private static final long SEED = 20261127L;
    private static final String SCHEDULES_GROUP = "schedules";
    private static final Pattern MORNING_START = Pattern.compile("from: \"0([5-8]):(\\d\\d)\"");

    public static void main(String[] args) throws Exception {
        quietLogging();
        int schedules = intOption(args, "--schedules", 5000);
        Path work = Files.createTempDirectory("offhours-reconcile-bench");
        try {
            run(schedules, work);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void run(int schedules, Path work) throws IOException, GitAPIException {
        Clock clock = Clock.systemUTC();
        List<SourceFile> files = new ScheduleRepositoryGenerator(SEED).generate(schedules);
        Path origin = work.resolve("origin");
        AtomicInteger workItems = new AtomicInteger();
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call();
             EmbeddedHubStore store = EmbeddedHubStore.open(work.resolve("hub.mv"));
             GitSource source = new GitSource(new GitSourceConfig().url(origin.toString())
                     .localDirectory(work.resolve("clone.git")), clock)) {
            write(origin, files);
            commit(git, "5,000 generated schedules");

            CurrentRevision revision = new CurrentRevision();
            ConvergencePass pass = new ConvergencePass(store.control(), store.inventory(), recording(workItems),
                    ConvergenceSettings.defaults(), "reconcile-benchmark");
            try (QuartzTransitionTimer timer = new QuartzTransitionTimer(clock)) {
                ConvergenceLoop loop = new ConvergenceLoop(store.control(), pass, revision, timer,
                        ConvergenceSettings.defaults(), clock);
                QuartzJobCounter jobs = QuartzJobCounter.attach(Thread.currentThread());
                CountingRegistry registry = new CountingRegistry(loop);
                Reconciler reconciler = new Reconciler(source, new RepositoryReader(), registry, store.control(),
                        clock);

                print("schedules", schedules);
                print("files", files.size());
                measure("first_load", reconciler, registry, jobs, revision, Outcome.APPLIED);

                String changed = shiftOneMorning(origin, files);
                commit(git, "move one awake period by an hour");
                print("changed_file", changed);
                measure("one_file_change", reconciler, registry, jobs, revision, Outcome.APPLIED);
                print("goal_jobs_touched", 1);

                measure("unchanged", reconciler, registry, jobs, revision, Outcome.UNCHANGED);
                print("registered_schedules", loop.registered().size());
                print("wake_ups_placed", loop.registered().stream().filter(s -> loop.nextWakeUp(s).isPresent()).count());
                print("revisions_read", source.revisionsRead());
                print("work_items_sent", workItems.get());
            }
        }
    }

    private static void measure(String name, Reconciler reconciler, CountingRegistry registry, QuartzJobCounter jobs,
                                CurrentRevision revision, Outcome expected) {
        registry.reset();
        jobs.reset();
        long start = System.nanoTime();
        ReconcileResult result = reconciler.reconcile();
        long nanos = System.nanoTime() - start;
        if (result.outcome() != expected) {
            result.problems().stream().limit(20).forEach(System.err::println);
            fail(name + ": expected " + expected + " but the reconcile ended " + result.outcome() + ": "
                    + result.message());
        }
        reconciler.running().ifPresent(r -> revision.set(r.label(), r.catalog().accounts()));
        print(name + "_ms", String.format("%.1f", nanos / 1e6));
        print(name + "_jobs_touched", jobs.distinctJobs());
        print(name + "_quartz_events", jobs.events());
        print(name + "_registry_registers", registry.registers.get());
        print(name + "_registry_deregisters", registry.deregisters.get());
    }

    /** Moves the first morning start found (05:xx..08:xx) one hour later: a real, valid one-file change. */
    private static String shiftOneMorning(Path origin, List<SourceFile> files) throws IOException {
        for (SourceFile file : files) {
            if (!file.path().startsWith("schedules/")) {
                continue;
            }
            Matcher matcher = MORNING_START.matcher(file.content());
            if (matcher.find()) {
                int hour = Integer.parseInt(matcher.group(1)) + 1;
                String moved = file.content().substring(0, matcher.start())
                        + String.format("from: \"%02d:%s\"", hour, matcher.group(2))
                        + file.content().substring(matcher.end());
                Files.writeString(origin.resolve(file.path()), moved);
                return file.path();
            }
        }
        throw new IllegalStateException("ReconcileBenchmark: no schedule starts in the morning; fix the generator");
    }

    private static void write(Path root, List<SourceFile> files) throws IOException {
        for (SourceFile file : files) {
            Path path = root.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.content());
        }
    }

    private static void commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setSign(false)
                .setAuthor("benchmark", "benchmark@offhours.dev")
                .setCommitter("benchmark", "benchmark@offhours.dev").call();
    }

    /** The loop never runs and the inventory is empty, so nothing should be sent; whatever is, is counted and dropped. */
    private static WorkQueue recording(AtomicInteger sent) {
        return items -> {
            sent.addAndGet(items.size());
            return CompletableFuture.completedFuture(new SendReport(items.size(), 0, 0, List.of()));
        };
    }

    /** The registry calls the reconciler makes, passed on to Quartz. */
    private static final class CountingRegistry implements TransitionRegistry {
        private final TransitionRegistry delegate;
        private final AtomicInteger registers = new AtomicInteger();
        private final AtomicInteger deregisters = new AtomicInteger();

        CountingRegistry(TransitionRegistry delegate) {
            this.delegate = delegate;
        }

        void reset() {
            registers.set(0);
            deregisters.set(0);
        }

        @Override
        public void register(Schedule schedule, Timeline timeline) {
            registers.incrementAndGet();
            delegate.register(schedule, timeline);
        }

        @Override
        public void deregister(Schedule schedule) {
            deregisters.incrementAndGet();
            delegate.deregister(schedule);
        }

        @Override
        public void applyAll(Runnable changes) {
            delegate.applyAll(changes);
        }

        @Override
        public Set<String> registered() {
            return delegate.registered();
        }
    }

    /**
     * Schedule wake-ups (triggers of the schedules group, named after their schedule) Quartz reports changed by one
     * thread (Quartz calls scheduler listeners in the calling thread). The timer's scheduler is private; Quartz keeps
     * every scheduler in a JVM-wide repository by name.
     */
    private static final class QuartzJobCounter extends SchedulerListenerSupport {
        private final Thread reconciling;
        private final Set<String> jobs = ConcurrentHashMap.newKeySet();
        private final AtomicInteger events = new AtomicInteger();

        private QuartzJobCounter(Thread reconciling) {
            this.reconciling = reconciling;
        }

        static QuartzJobCounter attach(Thread reconciling) {
            List<Scheduler> registries;
            try {
                registries = SchedulerRepository.getInstance().lookupAll().stream()
                        .filter(s -> nameOf(s).startsWith("offhours-transitions-")).toList();
                if (registries.size() != 1) {
                    fail("expected one transition registry scheduler, found " + registries.size());
                }
                QuartzJobCounter counter = new QuartzJobCounter(reconciling);
                registries.get(0).getListenerManager().addSchedulerListener(counter);
                return counter;
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot listen to the transition registry's scheduler", e);
            }
        }

        private static String nameOf(Scheduler scheduler) {
            try {
                return scheduler.getSchedulerName();
            } catch (SchedulerException e) {
                return "";
            }
        }

        void reset() {
            jobs.clear();
            events.set(0);
        }

        int distinctJobs() {
            return jobs.size();
        }

        int events() {
            return events.get();
        }

        private void touched(String group, String name) {
            // '#' names the loop's own wake-up after a revision, which no schedule file can be called
            if (SCHEDULES_GROUP.equals(group) && !name.startsWith("#") && Thread.currentThread() == reconciling) {
                jobs.add(name);
                events.incrementAndGet();
            }
        }

        @Override
        public void jobScheduled(Trigger trigger) {
            touched(trigger.getKey().getGroup(), trigger.getKey().getName());
        }

        @Override
        public void jobUnscheduled(TriggerKey triggerKey) {
            touched(triggerKey.getGroup(), triggerKey.getName());
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Ends the run with a non-zero status, whether started by {@code java} or by Maven's exec plugin. */
    private static void fail(String message) {
        throw new IllegalStateException("ReconcileBenchmark: " + message);
    }

    /** Without a logback configuration every library logs at DEBUG to standard output, which holds our results. */
    private static void quietLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }

    private static void print(String name, Object value) {
        System.out.println(name + ": " + value);
    }

    private static int intOption(String[] args, String name, int fallback) {
        int index = List.of(args).indexOf(name);
        return index >= 0 && index + 1 < args.length ? Integer.parseInt(args[index + 1]) : fallback;
    }
}
