package dev.offhours.demo;

import dev.offhours.reconciler.OffhoursApplication;
import dev.offhours.reconciler.OffhoursConfiguration;
import dev.offhours.reconciler.service.SpokeAccess;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The offhours command line with one more command, {@code demo}: the hub service with a simulated fleet, the
 * embedded store, ElasticMQ and a local schedules repository. The service jar has none of these; this jar is the one
 * the README's first command runs.
 */
public final class DemoApplication extends OffhoursApplication {

    /** The fleet of the demo run in progress; the wiring reaches it through {@link #spokes}, not the configuration. */
    private volatile SpokeAccess fleet;

    public DemoApplication(Clock clock, PrintStream out, PrintStream err) {
        super(clock, out, err);
    }

    public static void main(String[] args) {
        main(DemoApplication::new, args, args.length > 0 && args[0].equals(DemoCommand.NAME));
    }

    @Override
    public void initialize(Bootstrap<OffhoursConfiguration> bootstrap) {
        super.initialize(bootstrap);
        bootstrap.addCommand(new DemoCommand(this, this::hub, fleet -> this.fleet = fleet, DemoApplication::jarPath,
                Clock.systemUTC(), context().out()));
    }

    @Override
    protected boolean needsMetrics(String command) {
        return command.equals(DemoCommand.NAME) || super.needsMetrics(command);
    }

    @Override
    protected SpokeAccess spokes(OffhoursConfiguration configuration) {
        SpokeAccess simulated = fleet;
        return simulated != null ? simulated : super.spokes(configuration);
    }

    private static Optional<Path> jarPath() {
        try {
            Path location = Path.of(DemoApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
