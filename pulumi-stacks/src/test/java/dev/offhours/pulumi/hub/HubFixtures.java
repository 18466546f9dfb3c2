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

    static final String EXTERNAL_ID_PARAMETER = "arn:aws:ssm:eu-central-1:123456789012:parameter/offhours/external-id";
    static final String API_TOKEN_PARAMETER = "arn:aws:ssm:eu-central-1:123456789012:parameter/offhours/api-token";
    static final String GIT_TOKEN_SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:offhours/git-AbCdEf";
    static final String IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/offhours:0.1.0";

    /** The service on ECS in two private subnets, secrets in SSM and Secrets Manager, no load balancer. */
    static Map<String, String> ecsConfig() {
        Map<String, String> config = organizationConfig();
        config.put("serviceImage", IMAGE);
        config.put("serviceVpcId", "vpc-0a1b2c3d4e5f60718");
        config.put("serviceSubnetIds", "[\"subnet-0a1b2c3d4e5f60001\", \"subnet-0a1b2c3d4e5f60002\"]");
        config.put("serviceGitUrl", "https://github.com/acme/offhours-schedules.git");
        config.put("serviceExternalIdSecret", EXTERNAL_ID_PARAMETER);
        config.put("serviceApiTokenSha256Secret", API_TOKEN_PARAMETER);
        config.put("serviceGitTokenSecret", GIT_TOKEN_SECRET);
        return config;
    }

    static final String API_TOKEN_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** The status API on Lambda, no service on ECS. */
    static Map<String, String> lambdaApiConfig() {
        Map<String, String> config = organizationConfig();
        config.put("apiMode", "lambda");
        config.put("apiTokenSha256", API_TOKEN_SHA256);
        return config;
    }

    static MockedStack.Run run(Map<String, String> config) {
        return MockedStack.run(StacksMain.HUB_PROJECT, ctx -> HubMain.program(ctx, StackConfig.ofMap(config)));
    }
}
