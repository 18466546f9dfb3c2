package dev.offhours.reconciler;

import dev.offhours.reconciler.cli.CliContext;
import dev.offhours.reconciler.cli.DescribeCommand;
import dev.offhours.reconciler.cli.PlanCommand;
import dev.offhours.reconciler.cli.ValidateCommand;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.JarLocation;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * offhours: the hub service and its command line. Commands: {@code validate}, {@code describe}, {@code plan} (and
 * Dropwizard's {@code server} and {@code check}, which get their configuration with a later issue).
 */
public class OffhoursApplication extends Application<OffhoursConfiguration> {

    /** Only the service needs the JVM metrics (and their JMX reporter); the CLI commands start faster without. */
    private static final Set<String> COMMANDS_WITH_METRICS = Set.of("server", "check");

    private final CliContext context;

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
        // Exit only on failure: after `server` starts, its threads keep the JVM running.
        if (exitCode != 0) {
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
        bootstrap.addCommand(new ValidateCommand(context));
        bootstrap.addCommand(new DescribeCommand(context));
        bootstrap.addCommand(new PlanCommand(context));
    }

    @Override
    public void run(OffhoursConfiguration configuration, Environment environment) {
        // The service (Git reconciler, scheduler, API) comes with a later issue.
    }

    /**
     * Runs one command line and returns its exit code: 0 on success, 1 on any failure (already explained on the
     * error stream, without a stack trace). Tests call this in-process.
     */
    public int execute(String... arguments) {
        Bootstrap<OffhoursConfiguration> bootstrap = new Bootstrap<>(this);
        addDefaultCommands(bootstrap);
        initialize(bootstrap);
        if (arguments.length > 0 && COMMANDS_WITH_METRICS.contains(arguments[0])) {
            bootstrap.registerMetrics();
        }
        Cli cli = new Cli(new JarLocation(getClass()), bootstrap, context.out(), context.err());
        boolean failed = cli.run(arguments).isPresent();
        cli.getStdOut().flush();
        cli.getStdErr().flush();
        return failed ? 1 : 0;
    }

    /** Dropwizard's entry point, kept consistent with {@link #execute}: failures exit with code 1. */
    @Override
    public void run(String... arguments) {
        int exitCode = execute(arguments);
        if (exitCode != 0) {
            onFatalError(new IllegalStateException("offhours " + String.join(" ", arguments) + " failed"));
        }
    }
}
