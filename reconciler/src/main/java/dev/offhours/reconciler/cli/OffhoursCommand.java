package dev.offhours.reconciler.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * A CLI command of offhours: prints through the context's streams and turns every failure into one clear line on
 * standard error (no stack trace) and its {@link ExitCode}.
 */
abstract class OffhoursCommand extends Command {

    protected final CliContext context;

    protected OffhoursCommand(String name, String description, CliContext context) {
        super(name, description);
        this.context = context;
    }

    /** The command's one line in the top-level help, and the exit codes below its own help. */
    @Override
    public final void configure(Subparser subparser) {
        addArguments(subparser);
        subparser.help(getDescription());
        subparser.epilog(ExitCode.summary());
    }

    protected abstract void addArguments(Subparser subparser);

    @Override
    public final void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        execute(namespace);
        context.out().flush();
    }

    protected abstract void execute(Namespace namespace) throws Exception;

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        context.out().flush();
        String message = explain(e);
        if (message != null) {
            context.err().println("offhours " + getName() + ": " + message);
        }
        context.err().flush();
    }

    private static String explain(Throwable e) {
        if (e instanceof CommandFailure) {
            return e.getMessage();
        }
        if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException
                || e instanceof DateTimeException) {
            return e.getMessage();
        }
        // Unexpected: still no stack trace for the user, but enough to report the bug.
        return "unexpected " + e.getClass().getName() + ": " + e.getMessage();
    }
}
