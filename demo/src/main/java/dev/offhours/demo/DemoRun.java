package dev.offhours.demo;

import dev.offhours.core.port.OperationStatus;
import dev.offhours.reconciler.inventory.DiscoveryReport;
import dev.offhours.reconciler.service.Hub;
import dev.offhours.reconciler.service.HubStores;
import dev.offhours.simulator.Capacity;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** One demo run as the user sees it: where to look, then the discovery, the sleep and the wake as they happen. */
final class DemoRun {

    private static final Duration GRACE = Duration.ofMinutes(3);

    private final DemoSetup setup;
    private final Hub hub;
    private final PrintStream out;
    private final Clock clock;
    private final DemoProgress progress;

    DemoRun(DemoSetup setup, Hub hub, PrintStream out, Clock clock) {
        this.setup = setup;
        this.hub = hub;
        this.out = out;
        this.clock = clock;
        this.progress = new DemoProgress(hub, out, clock);
    }

    void printBanner(Server server) {
        DemoSchedule schedule = setup.schedule();
        DemoFleet fleet = setup.fleet();
        out.println("offhours demo: the hub service with a simulated fleet, no AWS account needed");
        out.println("  fleet     " + setup.targets() + " targets (" + fleet.asgs() + " ASGs, " + fleet.nodegroups()
                + " EKS node groups) in " + setup.accounts() + " simulated accounts, " + DemoFleet.REGION);
        out.println("  schedule  " + DemoSchedule.NAME + " (UTC): asleep from " + DemoProgress.time(schedule.sleepAt())
                + " to " + DemoProgress.time(schedule.wakeAt()) + ", in " + setup.repository()
                .resolve("schedules/demo/" + DemoSchedule.NAME + ".yaml"));
        int adminPort = port(server, true);
        out.println("  health    http://127.0.0.1:" + adminPort + "/healthcheck");
        out.println("  metrics   http://127.0.0.1:" + adminPort + "/metrics and /metrics/prometheus");
        int port = port(server, false);
        out.println("  dashboard http://127.0.0.1:" + port + "/#token=" + setup.apiToken());
        out.println("  api       http://127.0.0.1:" + port + "/v1/status (Authorization: Bearer " + setup.apiToken()
                + ")");
        out.println("  data      " + setup.dataDirectory() + " (" + HubStores.EMBEDDED_FILE + ", log "
                + setup.logFile().getFileName() + ")");
    }

    /** True when every target slept and woke, and the fleet is back to its awake capacities. */
    boolean followTransitions() throws InterruptedException {
        DemoSchedule schedule = setup.schedule();
        awaitDiscovery(schedule.sleepAt());
        boolean slept = progress.follow("SLEEP", schedule.sleepAt(), schedule.wakeAt().minusSeconds(1))
                && allSucceeded(schedule.sleepAt());
        if (slept) {
            long asleep = setup.fleet().matching(DemoRun::asleepCapacity);
            progress.line("fleet check: " + asleep + " of " + setup.targets() + " targets at their asleep capacity");
        }
        boolean woke = progress.follow("WAKE", schedule.wakeAt(), schedule.wakeAt().plus(GRACE))
                && allSucceeded(schedule.wakeAt());
        long restored = setup.fleet().matching(t -> setup.fleet().awakeCapacities().get(t));
        progress.line("fleet check: " + restored + " of " + setup.targets()
                + " targets back to exactly their awake capacity");
        boolean ok = slept && woke && restored == setup.targets();
        progress.line(ok ? "demo complete: every target slept and woke again" : "demo incomplete: see "
                + setup.logFile());
        return ok;
    }

    private void awaitDiscovery(Instant until) throws InterruptedException {
        Optional<DiscoveryReport> report = Optional.empty();
        while (report.isEmpty() && clock.instant().isBefore(until) && hub.discovery().isPresent()) {
            Thread.sleep(250);
            report = hub.discovery().get().lastReport();
        }
        report.ifPresentOrElse(r -> progress.line("discovery: " + r.itemsFound() + " opted-in targets in "
                        + r.accountsOk() + " accounts (" + r.accountsDegraded() + " degraded) in "
                        + r.duration().toMillis() + " ms; waiting for " + DemoProgress.time(setup.schedule().sleepAt())),
                () -> progress.line("discovery has not completed; the transitions find no targets"));
    }

    private boolean allSucceeded(Instant transition) {
        DemoProgress.Tally tally = progress.tally(transition);
        return tally.total() == setup.targets() && tally.count(OperationStatus.SUCCEEDED) == setup.targets();
    }

    /** Sleep sets ASGs to 0/0/0 and node groups to 0/0/1 (EKS needs a maximum of at least 1). */
    private static Capacity asleepCapacity(dev.offhours.simulator.Target target) {
        return target.cluster() == null ? new Capacity(0, 0, 0) : new Capacity(0, 0, 1);
    }

    private static int port(Server server, boolean admin) {
        for (Connector connector : server.getConnectors()) {
            String name = String.valueOf(connector.getName());
            if (connector instanceof ServerConnector serverConnector && name.contains("admin") == admin) {
                return serverConnector.getLocalPort();
            }
        }
        return -1;
    }
}
