package dev.offhours.reconciler.cli;

import io.dropwizard.configuration.ConfigurationException;
import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.time.DateTimeException;
import net.sourceforge.argparse4j.inf.ArgumentParserException;

/** Which {@link ExitCode} a failed command line ends with, from what ended it. */
public final class ExitCodes {

    private ExitCodes() {
    }

    public static ExitCode of(Throwable failure) {
        if (failure instanceof CommandFailure f) {
            return f.exitCode();
        }
        if (failure instanceof ArgumentParserException || failure instanceof FileNotFoundException
                || failure instanceof NoSuchFileException) {
            return ExitCode.USAGE;
        }
        // Commands throw these for arguments that name nothing usable: a folder, a Git revision, a date.
        if (failure instanceof IllegalArgumentException || failure instanceof DateTimeException) {
            return ExitCode.USAGE;
        }
        if (failure instanceof ConfigurationException) {
            return ExitCode.INVALID;
        }
        return ExitCode.FAILED;
    }
}
