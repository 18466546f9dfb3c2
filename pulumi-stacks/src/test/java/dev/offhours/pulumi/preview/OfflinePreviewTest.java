package dev.offhours.pulumi.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline preview command on stack configuration files, as a reviewer runs it on a pull request. */
class OfflinePreviewTest {

    static final String CIPHERTEXT = "v1:AAABBBcipherTEXTofTheExternalId==";
    static final String HUB = """
            config:
              aws:region: eu-west-1
              offhours-hub:organizationId: o-a1b2c3d4e5
              offhours-hub:workerMode: lambda
              offhours-hub:lambdaMaximumConcurrency: 40
              offhours-hub:externalId:
                secure: %s
              offhours-hub:serviceImage: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/offhours:0.1.0
              offhours-hub:serviceVpcId: vpc-0a1b2c3d4e5f60718
              offhours-hub:serviceSubnetIds: ["subnet-0a1b2c3d4e5f60001"]
              offhours-hub:serviceGitUrl: https://github.com/acme/offhours-schedules.git
              offhours-hub:serviceExternalIdSecret: %s
              offhours-hub:serviceApiTokenSha256Secret: arn:aws:ssm:eu-central-1:123456789012:parameter/offhours/token
            """;
    static final String SSM = "arn:aws:ssm:eu-central-1:123456789012:parameter/offhours/external-id";

    record Result(int exitCode, String out, String err) {
    }

    static Result preview(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OfflinePreview.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHubPreviewShowsEachResourceWithPoliciesRedriveConcurrencyAndTheServiceConfiguration(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("Pulumi.prod.yaml"), HUB.formatted(CIPHERTEXT, SSM));
        Result result = preview("hub", file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("+ aws:sqs/queue:Queue  offhours-work\n    name: offhours-work\n"
                        + "    visibilityTimeoutSeconds: 900\n")
                .contains("\"maxReceiveCount\" : 5")
                .contains("+ aws:lambda/eventSourceMapping:EventSourceMapping  offhours-worker-work-queue")
                .contains("\"maximumConcurrency\" : 40")
                .contains("\"Sid\" : \"AssumeSpokeRoles\"")
                .contains("\"Sid\" : \"ServiceParameters\"")
                .contains("+ aws:ecs/taskDefinition:TaskDefinition  offhours-hub-task")
                .contains("OFFHOURS_CONFIG_YAML (the service's config.yml):")
                .contains("workers:\n        enabled: false")
                .contains("+ offhours:index:OffhoursHub  offhours")
                .contains("(values not shown)")
                .contains("hubRegion: eu-west-1")
                .contains("workQueueUrl: https://sqs.eu-west-1.amazonaws.com/123456789012/offhours-work");
        assertThat(result.out()).doesNotContain(CIPHERTEXT).doesNotContain("[secret]");
    }

    @Test
    void aHubPreviewWithTheLambdaApiShowsTheFunctionItsReadOnlyRoleAndTheHttpApi(@TempDir Path dir) throws Exception {
        String hub = HUB.formatted(CIPHERTEXT, SSM) + """
                  offhours-hub:apiMode: lambda
                  offhours-hub:apiTokenSha256:
                    secure: v1:AAAtokenHASHcipher==
                """;
        Path file = Files.writeString(dir.resolve("Pulumi.prod.yaml"), hub);
        Result result = preview("hub", file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("+ aws:lambda/function:Function  offhours-api\n    name: offhours-api\n    runtime: java17\n"
                        + "    handler: dev.offhours.reconciler.lambda.StatusApiFunction::handleRequest\n")
                .contains("\"Sid\" : \"ReadHubTables\"")
                .contains("+ aws:apigatewayv2/api:Api  offhours-api-http\n    name: offhours-api\n    protocolType: HTTP")
                .contains("integrationType: AWS_PROXY")
                .contains("payloadFormatVersion: 2.0")
                .contains("routeKey: $default")
                .contains("+ aws:lambda/permission:Permission  offhours-api-invoke")
                .contains("principal: apigateway.amazonaws.com")
                .contains("+ aws:ecs/service:Service");
        assertThat(result.out()).doesNotContain("AAAtokenHASHcipher");
    }

    @Test
    void aSpokePreviewShowsEachAccountsProviderRolesRulesAndTrailWithTheExternalIdMasked(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("accounts.yaml"), """
                apiVersion: offhours.dev/v1
                kind: AccountRegistry
                spec:
                  accounts:
                    - id: "222233334444"
                      alias: dev-data
                      regions: [eu-central-1, eu-west-1]
                      groups: [dev]
                    - id: "333344445555"
                      alias: ci-munich
                      regions: [us-east-1]
                      groups: [ci]
                """);
        Path file = Files.writeString(dir.resolve("Pulumi.prod.yaml"), """
                config:
                  offhours-spoke:accountsFile: accounts.yaml
                  offhours-spoke:hubRoleArn: arn:aws:iam::999988887777:role/offhours-hub
                  offhours-spoke:hubEventBusArn: arn:aws:events:eu-central-1:999988887777:event-bus/offhours-hub
                  offhours-spoke:externalId:
                    secure: %s
                  offhours-spoke:trailMode: create
                """.formatted(CIPHERTEXT));
        Result result = preview("spoke", file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("+ pulumi:providers:aws  aws-dev-data-eu-west-1")
                .contains("+ aws:cloudtrail/trail:Trail  offhours-ci-munich-trail  (provider aws-ci-munich-us-east-1)")
                .contains("\"sts:ExternalId\" : \"[secret]\"")
                .contains("\"Sid\" : \"ScaleOptedInGroups\"")
                .contains("+ offhours:index:OffhoursSpoke  offhours");
        assertThat(result.out()).doesNotContain(CIPHERTEXT);
    }

    @Test
    void twoPreviewsOfTheSameSettingsPrintTheSameText(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Pulumi.prod.yaml"), HUB.formatted(CIPHERTEXT, SSM));
        assertThat(preview("hub", file.toString()).out()).isEqualTo(preview("hub", file.toString()).out());
    }

    @Test
    void refusedSettingsExitOneWithTheSettingNamedAndNoResources(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Pulumi.prod.yaml"), HUB.formatted(CIPHERTEXT, "plain-value"));
        Result result = preview("hub", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("serviceExternalIdSecret must be where the secret is stored")
                .doesNotContain("plain-value");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aWrongInvocationIsAUsageErrorAndAMissingFileAnotherFailure(@TempDir Path dir) {
        assertThat(preview("hub").exitCode()).isEqualTo(2);
        assertThat(preview("worker", "x.yaml").exitCode()).isEqualTo(2);
        assertThat(preview("hub", dir.resolve("missing.yaml").toString()).exitCode()).isEqualTo(4);
    }

    @Test
    void aSpokeWhoseAccountsFileIsMissingFailsNamingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Pulumi.prod.yaml"), """
                config:
                  offhours-spoke:accountsFile: ../schedules/accounts.yaml
                  offhours-spoke:hubRoleArn: arn:aws:iam::999988887777:role/offhours-hub
                  offhours-spoke:hubEventBusArn: arn:aws:events:eu-central-1:999988887777:event-bus/offhours-hub
                  offhours-spoke:externalId:
                    secure: %s
                """.formatted(CIPHERTEXT));
        Result result = preview("spoke", file.toString());
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("cannot read the account registry").contains("accounts.yaml");
    }

    @Test
    void theHubExampleConfigurationPreviewsCleanly() {
        Result result = preview("hub", Path.of("hub/Pulumi.example.yaml").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("+ aws:lb/loadBalancer:LoadBalancer  offhours-hub-lb");
    }
}
