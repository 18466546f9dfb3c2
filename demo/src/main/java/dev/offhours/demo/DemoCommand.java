package dev.offhours.demo;

import dev.offhours.reconciler.OffhoursConfiguration;
import dev.offhours.reconciler.cli.ExitCode;
import dev.offhours.reconciler.service.Hub;
import dev.offhours.reconciler.service.SpokeAccess;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.EnvironmentCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import jakarta.validation.ConstraintViolation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.eclipse.jetty.server.Server;

/**
 * {@code demo}: the hub service in this process with everything it needs and no AWS account: the embedded store,
 * ElasticMQ, a simulated fleet, and a local schedules repository whose {@code demo-fleet} schedule puts the fleet to
 * sleep a minute from now and wakes it shortly after. Prints where to look and a line per step of each transition.
 */
public final class DemoCommand extends EnvironmentCommand<OffhoursConfiguration> {

    static final String NAME = "demo";

    private final Supplier<Hub> hub;
    private final Consumer<SpokeAccess> fleetForTheWiring;
    private final Supplier<Optional<Path>> jar;
    private final Clock clock;
    private final PrintStream out;
    private DemoSetup setup;
    private boolean succeeded;

    /**
     * @param hub               the hub the application wired for this run
     * @param fleetForTheWiring hands this run's simulated fleet to the application, which wires the hub with it
     * @param jar               where the running jar is, to find the template beside it
     */
    public DemoCommand(Application<OffhoursConfiguration> application, Supplier<Hub> hub,
                       Consumer<SpokeAccess> fleetForTheWiring, Supplier<Optional<Path>> jar, Clock clock,
                       PrintStream out) {
        super(application, NAME, "Runs the hub with a simulated fleet, an embedded store and queue, and a local "
                + "schedules repository: the fleet falls asleep and wakes again within minutes. No AWS account needed.");
        this.hub = hub;
        this.fleetForTheWiring = fleetForTheWiring;
        this.jar = jar;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        DemoSettings.addArguments(subparser);
        subparser.help("Run the hub with a simulated fleet that falls asleep and wakes within minutes (no AWS)");
        subparser.epilog(ExitCode.summary());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(Bootstrap<?> wildcardBootstrap, Namespace namespace) throws Exception {
        Bootstrap<OffhoursConfiguration> bootstrap = (Bootstrap<OffhoursConfiguration>) wildcardBootstrap;
        DemoSettings settings = DemoSettings.of(namespace, clock.instant());
        Path template = settings.template().or(() -> DemoRepository.findTemplate(Path.of(""), jar.get()))
                .orElseThrow(() -> new IllegalArgumentException("cannot find " + DemoRepository.TEMPLATE
                        + " here, in a parent folder or beside the jar; run from the offhours checkout or give"
                        + " --template DIR"));
        succeeded = false;
        // The log goes to a file from the start: the console belongs to the demo's own lines.
        Files.createDirectories(settings.dataDirectory());
        DefaultLoggingFactory logging = DemoSetup.logging(settings.dataDirectory().toAbsolutePath());
        logging.configure(bootstrap.getMetricRegistry(), "offhours-demo");
        try {
            setup = DemoSetup.start(settings, template, clock.instant());
            fleetForTheWiring.accept(setup.fleet().access());
            try {
                OffhoursConfiguration config = setup.config();
                validate(bootstrap, config);
                run(bootstrap, namespace, config);
            } finally {
                setup.close();
            }
        } finally {
            logging.stop();
        }
        if (settings.exitAfterWake() && !succeeded) {
            throw new IllegalStateException("the demo did not complete one sleep and one wake of every target; "
                    + "see " + setup.logFile());
        }
    }

    @Override
    protected void run(Environment environment, Namespace namespace, OffhoursConfiguration config) throws Exception {
        Server server = config.getServerFactory().build(environment);
        server.start();
        try {
            DemoRun run = new DemoRun(setup, hub.get(), out, clock);
            run.printBanner(server);
            succeeded = run.followTransitions();
            if (!setup.exitAfterWake()) {
                out.println("The demo keeps running (Ctrl-C to stop); the schedule repeats tomorrow at the same times.");
                server.join();
            }
        } finally {
            server.stop();
        }
    }

    private static void validate(Bootstrap<OffhoursConfiguration> bootstrap, OffhoursConfiguration config) {
        Set<ConstraintViolation<OffhoursConfiguration>> violations = bootstrap.getValidatorFactory().getValidator()
                .validate(config);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the demo built an invalid configuration: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
        }
    }
}
