package dev.offhours.reconciler;

import dev.offhours.reconciler.cli.CliContext;
import dev.offhours.reconciler.cli.DescribeCommand;
import dev.offhours.reconciler.cli.ExitCode;
import dev.offhours.reconciler.cli.ExitCodes;
import dev.offhours.reconciler.cli.PlanCommand;
import dev.offhours.reconciler.cli.CostModelCommand;
import dev.offhours.reconciler.cli.StatusCommand;
import dev.offhours.reconciler.cli.ValidateCommand;
import dev.offhours.reconciler.demo.DemoCommand;
import dev.offhours.reconciler.service.AdminPort;
import dev.offhours.reconciler.service.Hub;
import dev.offhours.reconciler.service.HubWiring;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * offhours: the hub service and its command line. Commands: {@code server config.yml} (the hub), {@code check
 * config.yml}, {@code demo} (the hub with a simulated fleet), {@code validate}, {@code describe}, {@code plan} and
 * {@code status} (a running hub's summary from its status API).
 * Configuration files may use {@code ${VARIABLE}} for environment variables (secrets such as the Git token).
 */
public class OffhoursApplication extends Application<OffhoursConfiguration> {

    /** Only the service needs the JVM metrics (and their JMX reporter); the CLI commands start faster without. */
    private static final Set<String> COMMANDS_WITH_METRICS = Set.of("server", "check", "demo");

    private final CliContext context;
    private volatile Hub hub;

    public OffhoursApplication() {
        this(Clock.systemUTC(), System.out, System.err);
    }

    public OffhoursApplication(Clock clock, PrintStream out, PrintStream err) {
        this.context = new CliContext(Objects.requireNonNull(clock, "clock"), out, err);
    }

    public static void main(String[] args) {
        CliLogging.quiet();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int exitCode = new OffhoursApplication(Clock.systemUTC(), out, err).execute(args);
        out.flush();
        err.flush();
        // Exit only on failure or after a demo: after `server` starts, its threads keep the JVM running.
        if (exitCode != 0 || (args.length > 0 && args[0].equals("demo"))) {
            System.exit(exitCode);
        }
    }

    @Override
    public String getName() {
        return "offhours";
    }

    @Override
    protected void bootstrapLogging() {
        CliLogging.quiet();
    }

    @Override
    public void initialize(Bootstrap<OffhoursConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new DemoCommand(this, this::hub, this::jarPath, Clock.systemUTC(), context.out()));
        bootstrap.addCommand(new ValidateCommand(context));
        bootstrap.addCommand(new DescribeCommand(context));
        bootstrap.addCommand(new PlanCommand(context));
        bootstrap.addCommand(new StatusCommand(context));
        bootstrap.addCommand(new CostModelCommand(context));
    }

    @Override
    public void run(OffhoursConfiguration configuration, Environment environment) {
        AdminPort.secure(configuration.getServerFactory());
        // Quartz only says when to look; what is due is read from this clock, so a test can run the hub on a moved one
        hub = HubWiring.wire(configuration, environment, context.clock());
    }

    /** The hub the last {@link #run(OffhoursConfiguration, Environment)} wired (demo, end-to-end tests). */
    public Hub hub() {
        Hub wired = hub;
        if (wired == null) {
            throw new IllegalStateException("the hub is not wired yet: run the server or demo command first");
        }
        return wired;
    }

    private Optional<Path> jarPath() {
        try {
            Path location = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs one command line and returns its exit code (see {@link ExitCode}): every failure is already explained on
     * the error stream, without a stack trace. Tests call this in-process.
     */
    public int execute(String... arguments) {
        Bootstrap<OffhoursConfiguration> bootstrap = new Bootstrap<>(this);
        addDefaultCommands(bootstrap);
        initialize(bootstrap);
        if (arguments.length > 0 && COMMANDS_WITH_METRICS.contains(arguments[0])) {
            bootstrap.registerMetrics();
        }
        OffhoursJarLocation location = new OffhoursJarLocation(getClass());
        if (arguments.length == 0) {
            // No command is a mistake of whoever called us (a CI step that lost its arguments), not a success.
            Cli usage = new Cli(location, bootstrap, context.err(), context.err());
            usage.run("--help");
            usage.getStdErr().flush();
            return ExitCode.USAGE.code();
        }
        Cli cli = new Cli(location, bootstrap, context.out(), context.err());
        Optional<Throwable> failure = cli.run(arguments);
        cli.getStdOut().flush();
        cli.getStdErr().flush();
        return failure.map(ExitCodes::of).orElse(ExitCode.OK).code();
    }

    @Override
    protected void addDefaultCommands(Bootstrap<OffhoursConfiguration> bootstrap) {
        bootstrap.addCommand(new ConfigurationCommands.Server(this));
        bootstrap.addCommand(new ConfigurationCommands.Check(this));
    }

    /** Dropwizard's entry point, kept consistent with {@link #execute}: the same exit codes. */
    @Override
    public void run(String... arguments) {
        int exitCode = execute(arguments);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
