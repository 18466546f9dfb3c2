package dev.offhours.reconciler.transition;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import dev.offhours.reconciler.converge.TransitionTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.spi.JobFactory;

/**
 * The convergence loop's timer on Quartz (RAM job store: nothing of Quartz is persisted, the control table is the
 * memory). One job, never run twice at once, that calls the loop; a repeating trigger for the tick and one one-shot
 * trigger per schedule at its next transition (a late one fires at once). Quartz counts in system time: instants
 * of the hub's clock are translated, and the loop reads its own clock rather than the firing time.
 */
public final class QuartzTransitionTimer implements TransitionTimer {

    private static final String SCHEDULES = "schedules";
    private static final String SYSTEM = "offhours";
    private static final JobKey CONVERGE = JobKey.jobKey("converge", SYSTEM);

    private final Scheduler scheduler;
    private final Clock clock;
    private volatile Runnable wake = () -> { };

    /** @param clock the hub's clock: wake-up instants are read on it and handed to Quartz in system time */
    public QuartzTransitionTimer(Clock clock) {
        this.clock = clock;
        JobFactory jobs = (bundle, quartz) -> new WakeJob(this);
        this.scheduler = QuartzSchedulers.create(1, jobs);
        quartz(() -> scheduler.addJob(newJob(WakeJob.class).withIdentity(CONVERGE).storeDurably().build(), true));
    }

    @Override
    public void start(Duration tick, Runnable wake) {
        this.wake = wake;
        quartz(() -> {
            scheduler.scheduleJob(newTrigger().withIdentity("tick", SYSTEM).forJob(CONVERGE).startNow()
                    .withSchedule(simpleSchedule().repeatForever().withIntervalInMilliseconds(tick.toMillis())
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
            scheduler.start();
        });
    }

    @Override
    public synchronized void wakeAt(String key, Instant at) {
        TriggerKey triggerKey = TriggerKey.triggerKey(key, SCHEDULES);
        Trigger trigger = newTrigger().withIdentity(triggerKey).forJob(CONVERGE).startAt(Date.from(systemTime(at)))
                .withSchedule(simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        quartz(() -> {
            if (scheduler.rescheduleJob(triggerKey, trigger) == null) {
                scheduler.scheduleJob(trigger);
            }
        });
    }

    /** The system instant at which the hub's clock reads {@code at} (the same instant in production). */
    private Instant systemTime(Instant at) {
        return Instant.now().plus(Duration.between(clock.instant(), at));
    }

    @Override
    public synchronized void cancel(String key) {
        quartz(() -> scheduler.unscheduleJob(TriggerKey.triggerKey(key, SCHEDULES)));
    }

    @Override
    public Optional<Instant> next(String key) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(key, SCHEDULES));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant)
                    .map(fire -> clock.instant().plus(Duration.between(Instant.now(), fire)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the wake-up of schedule " + key, e);
        }
    }

    @Override
    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops firing and waits for a running loop pass to end. */
    @Override
    public void close() {
        quartz(() -> scheduler.shutdown(true));
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

    /** The one job: runs the loop; wake-ups that pile up while it runs are coalesced by Quartz's no-overlap rule. */
    @DisallowConcurrentExecution
    static final class WakeJob implements Job {
        private final QuartzTransitionTimer timer;

        WakeJob(QuartzTransitionTimer timer) {
            this.timer = timer;
        }

        @Override
        public void execute(JobExecutionContext context) {
            timer.wake.run();
        }
    }
}
