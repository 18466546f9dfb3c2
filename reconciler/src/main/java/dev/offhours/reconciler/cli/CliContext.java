package dev.offhours.reconciler.cli;

import java.io.PrintStream;
import java.time.Clock;

/** Where a command prints and what it reads the time from; tests pass their own. */
public record CliContext(Clock clock, PrintStream out, PrintStream err) {
}
