package dev.offhours.reconciler.service;

import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.reconciler.inventory.DiscoveryScheduler;
import dev.offhours.worker.runtime.DaemonThreads;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts discovery once the first revision names the onboarded accounts (before that there is nothing to list), and
 * runs it again at once whenever a new revision changes them, so a newly onboarded account's resources are known
 * before its first transition rather than hours later.
 */
final class DiscoveryTrigger implements Consumer<AccountRegistry>, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryTrigger.class);

    private final DiscoveryScheduler scheduler;
    private final ExecutorService extraRuns = Executors.newSingleThreadExecutor(DaemonThreads.named("offhours-discovery-trigger"));
    private boolean started;

    DiscoveryTrigger(DiscoveryScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void accept(AccountRegistry accounts) {
        if (!started) {
            started = true;
            scheduler.start();
            return;
        }
        LOG.info("the onboarded accounts changed ({} now); running discovery", accounts.accounts().size());
        extraRuns.submit(scheduler::runOnce);
    }

    @Override
    public synchronized void stop() {
        extraRuns.shutdownNow();
        scheduler.stop();
    }
}
