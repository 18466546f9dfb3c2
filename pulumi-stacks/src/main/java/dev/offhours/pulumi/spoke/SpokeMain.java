package dev.offhours.pulumi.spoke;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.offhours.pulumi.StackConfig;

/** The spoke program ({@code pulumi-stacks/spoke/Pulumi.yaml}): one {@link OffhoursSpoke} from the configuration. */
public final class SpokeMain {

    private SpokeMain() {
    }

    public static void main(String[] args) {
        Pulumi.run(SpokeMain::program);
    }

    public static void program(Context ctx) {
        program(ctx, StackConfig.of(ctx.config()));
    }

    /** The program on any configuration source (the offline preview and the tests pass plain maps). */
    public static void program(Context ctx, StackConfig config) {
        OffhoursSpoke spoke = new OffhoursSpoke("offhours", OffhoursSpokeArgs.of(SpokeSettings.from(config)));
        spoke.outputs().forEach(ctx::export);
    }
}
