package dev.offhours.reconciler.transition;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.DispatchedTransition;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.time.Transition;
import dev.offhours.reconciler.dispatch.Dispatcher;
import dev.offhours.reconciler.dispatch.DriftSweep;
import dev.offhours.reconciler.dispatch.Revision;
import dev.offhours.reconciler.dispatch.ScheduledTimeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transition registry on Quartz (RAM job store: nothing of Quartz is persisted; the control table is the memory).
 * One durable job per schedule, job and trigger named after it, with a one-shot trigger at its next transition that
 * the job moves to the following transition after each run; a late trigger fires at once. Two system jobs: the
 * catch-up check (every {@link Settings#catchUpInterval()}, and soon after any new registration) and the drift sweep.
 *
 * <p>Quartz counts in system time; {@code clock} must be the system clock in production (tests of the firing logic
 * use {@link #fireNow} and {@link #dueForCatchUp} with fixed clocks).
 */
public final class QuartzTransitionRegistry implements TransitionRegistry, AutoCloseable {

    /** @param threads Quartz worker threads; transitions of this many schedules are dispatched at once */
    public record Settings(int threads, Duration catchUpInterval, Duration sweepInterval, Duration sweepSettle) {
        public static Settings defaults() {
            return new Settings(4, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(5));
        }
    }

    static final String SCHEDULES = "schedules";
    private static final String SYSTEM = "offhours";
    private static final JobKey CATCH_UP = JobKey.jobKey("catch-up", SYSTEM);
    private static final JobKey SWEEP = JobKey.jobKey("drift-sweep", SYSTEM);
    /** Quartz may fire up to a few milliseconds early; a transition this close ahead counts as now. */
    private static final Duration EARLY_FIRE_TOLERANCE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(QuartzTransitionRegistry.class);

    private final ConcurrentMap<String, RegisteredSchedule> schedules = new ConcurrentHashMap<>();
    private final AtomicBoolean catchUpRequested = new AtomicBoolean();
    private final ControlStore control;
    private final Dispatcher dispatcher;
    private final Supplier<Revision> revision;
    private final Clock clock;
    private final Settings settings;
    private final TransitionFiring firing;
    private final DriftSweep sweep;
    private final Scheduler scheduler;
    private volatile Instant lastCatchUp;

    public QuartzTransitionRegistry(Dispatcher dispatcher, ControlStore control, Supplier<Revision> revision,
                                    Clock clock, Settings settings) {
        this.dispatcher = dispatcher;
        this.control = control;
        this.revision = revision;
        this.clock = clock;
        this.settings = settings;
        this.firing = new TransitionFiring(control, dispatcher, revision);
        this.sweep = new DriftSweep(dispatcher, revision, settings.sweepInterval(), settings.sweepSettle());
        this.scheduler = QuartzSchedulers.create(settings.threads(), new RegistryJobs(this));
        quartz(() -> {
            scheduler.addJob(newJob(RegistryJobs.CatchUpJob.class).withIdentity(CATCH_UP).storeDurably().build(), true);
            scheduler.addJob(newJob(RegistryJobs.SweepJob.class).withIdentity(SWEEP).storeDurably().build(), true);
        });
    }

    /** Starts firing: the catch-up check runs at once and then every interval; the sweep on interval boundaries. */
    public void start() {
        quartz(() -> {
            scheduler.scheduleJob(newTrigger().withIdentity("catch-up", SYSTEM).forJob(CATCH_UP).startNow()
                    .withSchedule(simpleSchedule().repeatForever()
                            .withIntervalInMilliseconds(settings.catchUpInterval().toMillis())
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
            Instant firstSweep = nextBoundary(clock.instant(), settings.sweepInterval());
            scheduler.scheduleJob(newTrigger().withIdentity("drift-sweep", SYSTEM).forJob(SWEEP)
                    .startAt(Date.from(firstSweep))
                    .withSchedule(simpleSchedule().repeatForever()
                            .withIntervalInMilliseconds(settings.sweepInterval().toMillis())
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
            scheduler.start();
        });
    }

    @Override
    public void register(Schedule schedule, Timeline timeline) {
        String name = schedule.name();
        RegisteredSchedule entry = new RegisteredSchedule(schedule, timeline);
        RegisteredSchedule replaced = schedules.put(name, entry);
        Instant now = clock.instant();
        quartz(() -> {
            scheduler.addJob(newJob(RegistryJobs.ScheduleJob.class).withIdentity(jobKey(name)).storeDurably()
                    .build(), true);
            placeTrigger(entry, now);
            if (replaced != null && replaced.timeline().stateAt(now) != timeline.stateAt(now)) {
                JobDataMap data = new JobDataMap();
                data.put(RegistryJobs.APPLY_STATE, true);
                scheduler.triggerJob(jobKey(name), data);
            }
        });
        requestCatchUp();
    }

    @Override
    public void deregister(Schedule schedule) {
        String name = schedule.name();
        if (schedules.remove(name) == null) {
            return;
        }
        quartz(() -> scheduler.deleteJob(jobKey(name)));
        try {
            dispatcher.wakeRemoved(schedule, clock.instant(), revision.get());
        } catch (RuntimeException e) {
            LOG.error("schedule {} was removed but waking its targets failed; wake them by hand or re-add the"
                    + " schedule: {}", name, e.toString());
        }
    }

    @Override
    public Set<String> registered() {
        return Set.copyOf(schedules.keySet());
    }

    /** When the trigger of {@code schedule} fires next (Quartz's view), empty when it has none. */
    public Optional<Instant> nextFire(String schedule) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(schedule, SCHEDULES));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the trigger of schedule " + schedule, e);
        }
    }

    /** True when Quartz runs (health check). */
    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Runs a schedule's job body now, in the caller's thread, as its trigger would. */
    void fireNow(String name) {
        fire(name, false);
    }

    void fire(String name, boolean applyState) {
        RegisteredSchedule entry = schedules.get(name);
        if (entry == null) {
            return; // removed while its trigger fired
        }
        Instant now = firingInstant(entry, clock.instant());
        try {
            if (applyState) {
                firing.applyState(entry, now);
            } else {
                firing.applyLatest(entry, now);
            }
        } catch (RuntimeException e) {
            LOG.error("dispatching schedule {} failed; the catch-up check tries again within {}: {}", name,
                    settings.catchUpInterval(), e.toString());
        } finally {
            if (schedules.get(name) == entry) {
                quartz(() -> placeTrigger(entry, now));
            }
        }
    }

    /** Names of the schedules whose latest transition at {@code now} was never dispatched (suspended ones skipped). */
    List<String> dueForCatchUp(Instant now) {
        Map<String, DispatchedTransition> latest = control.latestDispatches();
        List<String> due = new ArrayList<>();
        for (RegisteredSchedule entry : schedules.values()) {
            Optional<Transition> last = entry.lastTransition(now);
            if (!entry.schedule().suspend() && last.isPresent()
                    && TransitionFiring.isDue(last.get(), Optional.ofNullable(latest.get(entry.name())))) {
                due.add(entry.name());
            }
        }
        return due;
    }

    /** The catch-up check: fires the job of every schedule with an undispatched latest transition. */
    void catchUp() {
        catchUpRequested.set(false);
        Instant now = clock.instant();
        Instant previous = lastCatchUp;
        lastCatchUp = now;
        Duration gap = previous == null ? Duration.ZERO : Duration.between(previous, now);
        if (gap.compareTo(settings.catchUpInterval().multipliedBy(2)) > 0) {
            LOG.warn("no catch-up check ran for {} (JVM paused, host asleep or overloaded); looking for missed"
                    + " transitions", gap);
        }
        try {
            for (String name : dueForCatchUp(now)) {
                LOG.info("schedule {} has an undispatched transition; catching up", name);
                quartz(() -> scheduler.triggerJob(jobKey(name)));
            }
        } catch (RuntimeException e) {
            LOG.warn("catch-up check failed; it runs again within {}: {}", settings.catchUpInterval(), e.toString());
        }
    }

    void sweep() {
        List<ScheduledTimeline> entries = schedules.values().stream().map(RegisteredSchedule::scheduled).toList();
        sweep.run(entries, clock.instant());
    }

    private void requestCatchUp() {
        if (catchUpRequested.compareAndSet(false, true)) {
            quartz(() -> scheduler.triggerJob(CATCH_UP));
        }
    }

    private synchronized void placeTrigger(RegisteredSchedule entry, Instant now) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(entry.name(), SCHEDULES);
        Optional<Transition> next = entry.nextTransition(now);
        if (next.isEmpty()) {
            scheduler.unscheduleJob(key);
            return;
        }
        Trigger trigger = newTrigger().withIdentity(key).forJob(jobKey(entry.name()))
                .startAt(Date.from(next.get().at()))
                .withSchedule(simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        if (scheduler.rescheduleJob(key, trigger) == null) {
            scheduler.scheduleJob(trigger);
        }
    }

    private static Instant firingInstant(RegisteredSchedule entry, Instant now) {
        Optional<Transition> upcoming = entry.nextTransition(now);
        if (upcoming.isPresent() && Duration.between(now, upcoming.get().at()).compareTo(EARLY_FIRE_TOLERANCE) <= 0) {
            return upcoming.get().at();
        }
        return now;
    }

    private static Instant nextBoundary(Instant now, Duration interval) {
        long seconds = interval.toSeconds();
        return Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), seconds) + 1) * seconds);
    }

    private static JobKey jobKey(String schedule) {
        return JobKey.jobKey(schedule, SCHEDULES);
    }

    private static void quartz(QuartzCall call) {
        try {
            call.run();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the Quartz scheduler refused a change: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface QuartzCall {
        void run() throws SchedulerException;
    }

    /** Stops firing and waits for running jobs (a dispatch in progress completes). */
    @Override
    public void close() {
        quartz(() -> scheduler.shutdown(true));
    }
}
