package dev.offhours.pulumi.hub;

import dev.offhours.pulumi.MockedStack;
import dev.offhours.pulumi.StackConfig;
import dev.offhours.pulumi.StacksMain;
import java.util.HashMap;
import java.util.Map;

/** Runs the hub program on the mocks with a configuration map (what {@code pulumi config set} would hold). */
final class HubFixtures {

    static final String ORGANIZATION = "o-a1b2c3d4e5";

    private HubFixtures() {
    }

    static Map<String, String> organizationConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("organizationId", ORGANIZATION);
        return config;
    }

    static Map<String, String> lambdaConfig() {
        Map<String, String> config = organizationConfig();
        config.put("workerMode", "lambda");
        config.put("externalId", "hub-external-id-for-tests");
        return config;
    }

    static MockedStack.Run run(Map<String, String> config) {
        return MockedStack.run(StacksMain.HUB_PROJECT, ctx -> HubMain.program(ctx, StackConfig.ofMap(config)));
    }
}
