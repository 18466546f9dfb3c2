package dev.offhours.pulumi.preview;

import dev.offhours.pulumi.MockedStack;
import dev.offhours.pulumi.StackConfig;
import dev.offhours.pulumi.StacksMain;
import dev.offhours.pulumi.hub.HubMain;
import dev.offhours.pulumi.spoke.SpokeMain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code preview hub|spoke STACK_CONFIG.yaml}: runs the hub or spoke program on Pulumi's mock engine with a stack's
 * configuration file and prints every resource it would declare with its key properties (see
 * {@link ResourcePrinter}). No Pulumi CLI, no cloud credentials, no state: what a reviewer needs to see what an
 * onboarding or settings change does. It shows what the program declares, not the difference to what is deployed
 * ({@code pulumi preview} does that, with credentials). Exit codes as the service's CLI: 0 printed, 1 the settings
 * are refused (the message names the setting), 2 usage, 4 a file cannot be read (the stack file or the
 * {@code accountsFile} it names).
 */
public final class OfflinePreview {

    private OfflinePreview() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** The SDK logs a refused program's stack trace; the preview prints the message alone. */
    private static final java.util.logging.Logger SDK_LOG = java.util.logging.Logger.getLogger("com.pulumi");

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        SDK_LOG.setLevel(java.util.logging.Level.OFF);
        if (args.size() != 2 || !(args.get(0).equals("hub") || args.get(0).equals("spoke"))) {
            err.println("usage: preview hub|spoke STACK_CONFIG.yaml   (e.g. preview hub pulumi-stacks/hub/Pulumi.prod.yaml)");
            return 2;
        }
        boolean hub = args.get(0).equals("hub");
        String project = hub ? StacksMain.HUB_PROJECT : StacksMain.SPOKE_PROJECT;
        Path file = Path.of(args.get(1));
        if (!Files.isRegularFile(file)) {
            err.println("cannot read " + file.toAbsolutePath() + ": no such file");
            return 4;
        }
        StackConfig config;
        String region;
        try {
            config = StackConfigFile.read(file, project);
            region = StackConfigFile.region(file);
        } catch (IOException | RuntimeException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 4;
        }
        MockedStack.Run run = MockedStack.run(project, ctx -> {
            if (hub) {
                HubMain.program(ctx, config);
            } else {
                SpokeMain.program(ctx, config);
            }
        }, region);
        if (run.result().exitCode() != 0) {
            Throwable cause = cause(run);
            if (cause instanceof IllegalArgumentException) {
                err.println(project + " (" + file + ") is refused: " + cause.getMessage());
                return 1;
            }
            err.println(project + " (" + file + ") failed: " + (cause != null ? cause.getMessage()
                    : String.join("; ", run.result().errors())));
            return 4;
        }
        out.println("offline preview of " + project + " with " + file + " (Pulumi mocks: ARNs and URLs are made up"
                + " for account " + MockedStack.ACCOUNT + ")");
        out.print(ResourcePrinter.print(run.resources()));
        return 0;
    }

    /** The program's own exception: a refused setting, or a file it could not read. */
    private static Throwable cause(MockedStack.Run run) {
        Throwable cause = run.result().exceptions().isEmpty() ? null : run.result().exceptions().get(0);
        while (cause != null && cause.getCause() != null && !(cause instanceof IllegalArgumentException)
                && !(cause instanceof java.io.UncheckedIOException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
