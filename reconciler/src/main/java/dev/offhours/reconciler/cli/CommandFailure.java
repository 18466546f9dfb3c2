package dev.offhours.reconciler.cli;

import java.util.Objects;

/**
 * Ends a command with an {@link ExitCode}. The message, when there is one, is printed to standard error as it is,
 * without a stack trace: it is meant for the person at the terminal. A null message means the command already
 * printed why.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    private CommandFailure(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    /** The command line asks for something that cannot be done as given (exit 2). */
    public static CommandFailure usage(String message) {
        return new CommandFailure(ExitCode.USAGE, message);
    }

    /** What was read is wrong (exit 1). */
    public static CommandFailure invalid(String message) {
        return new CommandFailure(ExitCode.INVALID, message);
    }

    /** The hub could not be asked or refused (exit 3). */
    public static CommandFailure unavailable(String message) {
        return new CommandFailure(ExitCode.UNAVAILABLE, message);
    }

    /** The command printed its own explanation of invalid input, for instance every validation problem (exit 1). */
    public static CommandFailure alreadyReported() {
        return new CommandFailure(ExitCode.INVALID, null);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
