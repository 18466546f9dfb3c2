package dev.offhours.reconciler.transition;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * The three kinds of Quartz job of the registry and the factory that hands them the registry. A job never runs
 * twice at once for the same key, so a catch-up cannot overlap a schedule's own firing.
 */
final class RegistryJobs implements JobFactory {

    /** Job data key: the run was requested because a changed schedule wants another state now. */
    static final String APPLY_STATE = "applyState";

    private final QuartzTransitionRegistry registry;

    RegistryJobs(QuartzTransitionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type == ScheduleJob.class) {
            return new ScheduleJob(registry);
        }
        if (type == CatchUpJob.class) {
            return new CatchUpJob(registry);
        }
        if (type == SweepJob.class) {
            return new SweepJob(registry);
        }
        throw new SchedulerException("the transition registry runs no job of type " + type.getName());
    }

    /** One per schedule (job name = schedule name): its transition, a misfire, or a catch-up. */
    @DisallowConcurrentExecution
    static final class ScheduleJob implements Job {
        private final QuartzTransitionRegistry registry;

        ScheduleJob(QuartzTransitionRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void execute(JobExecutionContext context) {
            registry.fire(context.getJobDetail().getKey().getName(),
                    context.getMergedJobDataMap().getBooleanValue(APPLY_STATE));
        }
    }

    @DisallowConcurrentExecution
    static final class CatchUpJob implements Job {
        private final QuartzTransitionRegistry registry;

        CatchUpJob(QuartzTransitionRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void execute(JobExecutionContext context) {
            registry.catchUp();
        }
    }

    @DisallowConcurrentExecution
    static final class SweepJob implements Job {
        private final QuartzTransitionRegistry registry;

        SweepJob(QuartzTransitionRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void execute(JobExecutionContext context) {
            registry.sweep();
        }
    }
}
