package dev.offhours.reconciler.cli;

/**
 * Ends a command with exit code 1. The message, when there is one, is printed to standard error as it is, without
 * a stack trace: it is meant for the person at the terminal. A null message means the command already printed why.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message, null, false, false);
    }

    /** The command printed its own explanation (for instance every validation problem). */
    public static CommandFailure alreadyReported() {
        return new CommandFailure(null);
    }
}
