package dev.offhours.reconciler.transition;

import java.util.Properties;
import java.util.UUID;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * Builds the registry's own Quartz scheduler: in memory, small daemon thread pool. Quartz 2.5 has no update check
 * left to disable.
 */
final class QuartzSchedulers {

    private QuartzSchedulers() {
    }

    static Scheduler create(int threads, JobFactory jobs) {
        Properties properties = new Properties();
        // Quartz keeps schedulers in a JVM-wide repository by name: a unique name lets two registries (two
        // replicas in one test JVM, or a restart) coexist.
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME,
                "offhours-transitions-" + UUID.randomUUID());
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        properties.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "offhours-transition");
        try {
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory(jobs);
            return scheduler;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the Quartz scheduler of the transition registry", e);
        }
    }
}
