package dev.offhours.pulumi;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.offhours.pulumi.hub.HubMain;
import dev.offhours.pulumi.spoke.SpokeMain;

/**
 * The shaded jar's entry point. Pulumi runs a jar program as {@code java -jar} without arguments, so the one jar
 * chooses the program from the project name in {@code Pulumi.yaml}: {@code offhours-hub} or {@code offhours-spoke}.
 */
public final class StacksMain {

    public static final String HUB_PROJECT = "offhours-hub";
    public static final String SPOKE_PROJECT = "offhours-spoke";

    private StacksMain() {
    }

    /** Without arguments (as Pulumi runs it) the program; {@code preview hub|spoke FILE} the offline preview. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("preview")) {
            dev.offhours.pulumi.preview.OfflinePreview.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Pulumi.run(StacksMain::program);
    }

    static void program(Context ctx) {
        switch (ctx.projectName()) {
            case HUB_PROJECT -> HubMain.program(ctx);
            case SPOKE_PROJECT -> SpokeMain.program(ctx);
            default -> throw new IllegalArgumentException("unknown Pulumi project '" + ctx.projectName()
                    + "': this jar runs the projects " + HUB_PROJECT + " and " + SPOKE_PROJECT
                    + " (the name in Pulumi.yaml)");
        }
    }
}
