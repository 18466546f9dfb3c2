package dev.offhours.reconciler;

import dev.offhours.reconciler.cli.ExitCode;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Dropwizard's {@code server} and {@code check}, with the configuration file required: without one, Dropwizard
 * would validate an empty default configuration and report its internals instead of saying that the file is missing.
 */
final class ConfigurationCommands {

    static final String FILE_HELP = "the service configuration; reconciler/config.example.yml explains every setting";

    private ConfigurationCommands() {
    }

    static Argument requiredFile(Subparser subparser) {
        return subparser.addArgument("file").metavar("CONFIG.yml").help(FILE_HELP);
    }

    static final class Server extends ServerCommand<OffhoursConfiguration> {

        Server(Application<OffhoursConfiguration> application) {
            super(application, "server", "Run the hub service with a configuration file");
        }

        @Override
        public void configure(Subparser subparser) {
            super.configure(subparser);
            subparser.help(getDescription());
            subparser.epilog(ExitCode.summary());
        }

        @Override
        protected Argument addFileArgument(Subparser subparser) {
            return requiredFile(subparser);
        }
    }

    static final class Check extends CheckCommand<OffhoursConfiguration> {

        private static final String DESCRIPTION = "Check a service configuration file without starting anything";

        Check(Application<OffhoursConfiguration> application) {
            super(application);
        }

        @Override
        public void configure(Subparser subparser) {
            super.configure(subparser);
            subparser.help(DESCRIPTION);
            subparser.description(DESCRIPTION);
            subparser.epilog(ExitCode.summary());
        }

        @Override
        protected Argument addFileArgument(Subparser subparser) {
            return requiredFile(subparser);
        }
    }
}
