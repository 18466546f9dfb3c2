package dev.offhours.reconciler.cli;

/**
 * The exit codes of every offhours command, distinct so that a CI job can tell "the schedules are wrong" (fix the
 * pull request) from "the check is set up wrong" (fix the job) and from "the hub could not be asked". The README
 * lists them; keep the two in step.
 */
public enum ExitCode {

    /** Done: the repository or configuration is valid, the plan or status was printed. */
    OK(0, "success", "valid, or the result was printed"),
    /** What was read has problems: schedules, calendars, accounts.yaml, or a service configuration. */
    INVALID(1, "invalid input", "the schedules repository or the configuration has problems (each is listed)"),
    /** The command line cannot be run as given: the job calling offhours needs fixing, not the schedules. */
    USAGE(2, "usage error", "unknown command or option, missing or malformed value, a path that is not a "
            + "schedules repository, an unknown Git revision or schedule name"),
    /** The hub could not be asked, or refused: network, TLS, token, or an error answer. */
    UNAVAILABLE(3, "hub unavailable", "the hub could not be reached or refused the request (the message names the "
            + "cause)"),
    /** Anything else, such as a file that cannot be read or a bug; the message says what happened. */
    FAILED(4, "other failure", "a file that cannot be read, an unexpected error");

    private final int code;
    private final String label;
    private final String meaning;

    ExitCode(int code, String label, String meaning) {
        this.code = code;
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    /** One line for the end of every command's help: "exit codes: 0 success, 1 invalid input, ...". */
    public static String summary() {
        return "exit codes: " + java.util.Arrays.stream(values()).map(c -> c.code + " " + c.label)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
