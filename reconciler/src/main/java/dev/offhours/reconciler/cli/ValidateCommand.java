package dev.offhours.reconciler.cli;

import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReadResult;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code validate DIR}: checks a whole schedules repository. Valid: one summary line, exit 0. Invalid: every
 * problem as {@code path:line:column: message}, then a count, exit 1.
 */
public final class ValidateCommand extends OffhoursCommand {

    public ValidateCommand(CliContext context) {
        super("validate", "Check every schedule, calendar and the account registry of a schedules repository", context);
    }

    @Override
    protected void addArguments(Subparser subparser) {
        subparser.addArgument("dir").metavar("DIR")
                .help("root of the schedules repository (holds schedules/, calendars/, accounts.yaml)");
    }

    @Override
    protected void execute(Namespace namespace) {
        String dir = namespace.getString("dir");
        RepositoryReadResult result = RepositoryLoader.readDirectory(Path.of(dir));
        if (result.valid()) {
            context.out().println("valid: " + summary(result.catalog()) + " (" + dir + ")");
            return;
        }
        RepositoryLoader.printProblems(result, context.out());
        context.out().println("invalid: " + RepositoryLoader.countProblems(result.problems()) + " (" + dir + ")");
        throw CommandFailure.alreadyReported();
    }

    static String summary(ScheduleCatalog catalog) {
        return Plural.of(catalog.schedules().size(), "schedule") + ", "
                + Plural.of(catalog.calendars().size(), "calendar") + ", "
                + Plural.of(catalog.accounts().accounts().size(), "account");
    }
}
