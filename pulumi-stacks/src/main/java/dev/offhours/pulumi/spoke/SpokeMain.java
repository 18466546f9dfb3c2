package dev.offhours.pulumi.spoke;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.offhours.pulumi.StackConfig;
import java.util.List;

/** The spoke program ({@code pulumi-stacks/spoke/Pulumi.yaml}). */
public final class SpokeMain {

    private SpokeMain() {
    }

    public static void main(String[] args) {
        Pulumi.run(SpokeMain::program);
    }

    public static void program(Context ctx) {
        List<SpokeStack.Onboarded> onboarded = SpokeStack.declare(SpokeSettings.from(StackConfig.of(ctx.config())));
        ctx.export("onboardedAccounts", onboarded.stream().map(o -> o.account().id()).toList());
        ctx.export("spokeRoleArns", com.pulumi.core.Output.all(onboarded.stream().map(o -> o.spokeRole().arn()).toList()));
    }
}
