package dev.offhours.pulumi.hub;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.offhours.pulumi.StackConfig;

/** The hub program ({@code pulumi-stacks/hub/Pulumi.yaml}). */
public final class HubMain {

    private HubMain() {
    }

    public static void main(String[] args) {
        Pulumi.run(HubMain::program);
    }

    public static void program(Context ctx) {
        HubSettings settings = HubSettings.from(StackConfig.of(ctx.config()));
        HubStack.export(ctx, HubStack.declare(settings), settings);
    }
}
