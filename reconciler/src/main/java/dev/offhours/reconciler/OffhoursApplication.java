package dev.offhours.reconciler;

import dev.offhours.reconciler.cli.CliContext;
import dev.offhours.reconciler.cli.DescribeCommand;
import dev.offhours.reconciler.cli.ExitCode;
import dev.offhours.reconciler.cli.ExitCodes;
import dev.offhours.reconciler.cli.PlanCommand;
import dev.offhours.reconciler.cli.CostModelCommand;
import dev.offhours.reconciler.cli.StatusCommand;
import dev.offhours.reconciler.cli.ValidateCommand;
import dev.offhours.reconciler.service.AdminPort;
import dev.offhours.reconciler.service.Hub;
import dev.offhours.reconciler.service.HubWiring;
import dev.offhours.reconciler.service.SpokeAccess;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * offhours: the hub service and its command line. Commands: {@code server config.yml} (the hub), {@code check
 * config.yml}, {@code validate}, {@code describe}, {@code plan} and {@code status} (a running hub's summary from its
 * status API). The {@code demo} module extends it with the {@code demo} command.
 * Configuration files may use {@code ${VARIABLE}} for environment variables (secrets such as the Git token).
 */
public class OffhoursApplication extends Application<OffhoursConfiguration> {

    /** Only the service needs the JVM metrics (and their JMX reporter); the CLI commands start faster without. */
    private static final Set<String> COMMANDS_WITH_METRICS = Set.of("server", "check");

    /** How {@link #main(Factory, String[], boolean)} makes the application of a jar. */
    @FunctionalInterface
    protected interface Factory {
        OffhoursApplication create(Clock clock, PrintStream out, PrintStream err);
    }

    private final CliContext context;
    private volatile Hub hub;

    public OffhoursApplication() {
        this(Clock.systemUTC(), System.out, System.err);
    }

    public OffhoursApplication(Clock clock, PrintStream out, PrintStream err) {
        this.context = new CliContext(Objects.requireNonNull(clock, "clock"), out, err);
    }

    public static void main(String[] args) {
        main(OffhoursApplication::new, args, false);
    }

    /**
     * Runs one command line on the console and exits with its code on failure.
     *
     * @param exitWhenDone exit on success too: after {@code server} starts, its threads keep the JVM running, while
     *                     a command that ends by itself (the demo) may leave threads behind
     */
    protected static void main(Factory factory, String[] args, boolean exitWhenDone) {
        CliLogging.quiet();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int exitCode = factory.create(Clock.systemUTC(), out, err).execute(args);
        out.flush();
        err.flush();
        if (exitCode != 0 || exitWhenDone) {
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
        hub = HubWiring.wire(configuration, environment, context.clock(), spokes(configuration));
    }

    /** How the hub reaches the spoke accounts: AWS, or the endpoint override of the {@code aws:} section. */
    protected SpokeAccess spokes(OffhoursConfiguration configuration) {
        return SpokeAccess.aws(configuration.aws(), configuration.workers());
    }

    /** Where commands print. */
    protected CliContext context() {
        return context;
    }

    /** Whether a command needs the JVM metrics and their reporter. */
    protected boolean needsMetrics(String command) {
        return COMMANDS_WITH_METRICS.contains(command);
    }

    /** The hub the last {@link #run(OffhoursConfiguration, Environment)} wired (the demo, end-to-end tests). */
    public Hub hub() {
        Hub wired = hub;
        if (wired == null) {
            throw new IllegalStateException("the hub is not wired yet: run the server or demo command first");
        }
        return wired;
    }

    /**
     * Runs one command line and returns its exit code (see {@link ExitCode}): every failure is already explained on
     * the error stream, without a stack trace. Tests call this in-process.
     */
    public int execute(String... arguments) {
        Bootstrap<OffhoursConfiguration> bootstrap = new Bootstrap<>(this);
        addDefaultCommands(bootstrap);
        initialize(bootstrap);
        if (arguments.length > 0 && needsMetrics(arguments[0])) {
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
