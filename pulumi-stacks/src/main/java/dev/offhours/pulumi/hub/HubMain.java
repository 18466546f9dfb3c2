package dev.offhours.pulumi.hub;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.offhours.pulumi.StackConfig;

/** The hub program ({@code pulumi-stacks/hub/Pulumi.yaml}): one {@link OffhoursHub} from the stack configuration. */
public final class HubMain {

    private HubMain() {
    }

    public static void main(String[] args) {
        Pulumi.run(HubMain::program);
    }

    public static void program(Context ctx) {
        program(ctx, StackConfig.of(ctx.config()));
    }

    /** The program on any configuration source (the offline preview and the tests pass plain maps). */
    public static void program(Context ctx, StackConfig config) {
        OffhoursHub hub = new OffhoursHub("offhours", OffhoursHubArgs.fromConfig(config));
        hub.outputs().forEach(ctx::export);
    }
}
