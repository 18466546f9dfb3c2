package dev.offhours.pulumi.spoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import dev.offhours.pulumi.MockedStack;
import dev.offhours.pulumi.StacksMain;
import dev.offhours.pulumi.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three CloudTrail modes of the spoke component, on the mocks with the three-account registry. */
class SpokeTrailTest {

    private static MockedStack.Run onboard(TrailSettings trail) {
        OffhoursSpokeArgs.Builder args = OffhoursSpokeArgs.builder()
                .accountsYaml(SpokeStackTest.ACCOUNTS)
                .hubRoleArn(SpokeStackTest.HUB_ROLE)
                .hubEventBusArn(SpokeStackTest.HUB_BUS)
                .externalId(Output.ofSecret(SpokeStackTest.EXTERNAL_ID))
                .trailMode(trail.mode())
                .trailRetentionDays(trail.retentionDays());
        trail.organizationTrailArn().ifPresent(args::organizationTrailArn);
        OffhoursSpokeArgs built = args.build();
        MockedStack.Run run = MockedStack.run(StacksMain.SPOKE_PROJECT, ctx -> new OffhoursSpoke("offhours", built));
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
        return run;
    }

    @Test
    void createdTrailsRecordManagementWriteEventsInEveryRegionOfEachAccount() {
        MockedStack.Run run = onboard(new TrailSettings(TrailSettings.CREATE, Optional.empty(), 30));
        List<MockedStack.Declared> trails = run.ofType("aws:cloudtrail/trail:Trail");
        assertThat(trails).hasSize(3);
        assertThat(trails).extracting(MockedStack.Declared::providerName).containsExactlyInAnyOrder(
                "aws-dev-payments-eu-central-1", "aws-dev-data-eu-central-1", "aws-ci-munich-us-east-1");
        for (MockedStack.Declared trail : trails) {
            assertThat(trail.inputs()).containsEntry("isMultiRegionTrail", true).containsEntry("enableLogging", true);
            assertThat(trail.inputs().get("eventSelectors").toString()).contains("readWriteType=WriteOnly")
                    .contains("includeManagementEvents=true");
        }
    }

    @Test
    void eachTrailWritesToAPrivateBucketOnlyCloudTrailForThatTrailMayWrite() {
        MockedStack.Run run = onboard(new TrailSettings(TrailSettings.CREATE, Optional.empty(), 30));
        MockedStack.Declared bucket = run.withInput("aws:s3/bucketV2:BucketV2", "bucket", "offhours-trail-222233334444");
        assertThat(bucket.providerName()).isEqualTo("aws-dev-data-eu-central-1");
        assertThat(run.ofType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")).hasSize(3)
                .allSatisfy(b -> assertThat(b.inputs()).containsEntry("blockPublicPolicy", true)
                        .containsEntry("restrictPublicBuckets", true));
        JsonNode policy = run.named("offhours-dev-data-trail-bucket-policy").json("policy");
        for (JsonNode statement : policy.get("Statement")) {
            assertThat(statement.at("/Principal/Service").asText()).isEqualTo("cloudtrail.amazonaws.com");
            assertThat(statement.at("/Condition/StringEquals/aws:SourceArn").asText())
                    .isEqualTo("arn:aws:cloudtrail:eu-central-1:222233334444:trail/offhours-management-writes");
        }
        assertThat(policy.at("/Statement/1/Resource").asText())
                .isEqualTo("arn:aws:s3:::offhours-trail-222233334444/AWSLogs/222233334444/*");
        assertThat(run.named("offhours-dev-data-trail-bucket-expiry").inputs().get("rules").toString())
                .contains("days=30");
        assertThat(run.named("offhours-dev-data-trail").string("s3BucketName")).isEqualTo("offhours-trail-222233334444");
    }

    @ParameterizedTest
    @CsvSource({"existing, ''", "organization, arn:aws:cloudtrail:eu-central-1:111111111111:trail/org-trail"})
    void anExistingOrAnOrganizationTrailIsUsedAndNothingIsCreated(String mode, String arn) {
        MockedStack.Run run = onboard(new TrailSettings(mode, Optional.of(arn).filter(a -> !a.isEmpty()), 90));
        assertThat(run.resources()).noneMatch(r -> r.type().startsWith("aws:cloudtrail/")
                || r.type().startsWith("aws:s3/"));
        assertThat(run.ofType("aws:cloudwatch/eventRule:EventRule")).hasSize(12);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "organization without ARN | organization | '' | needs organizationTrailArn",
            "not a trail ARN | organization | arn:aws:s3:::org-trail | must be a CloudTrail trail ARN",
            "ARN without organization mode | existing | arn:aws:cloudtrail:eu-central-1:111111111111:trail/t | only read with trailMode organization",
            "unknown mode | always | '' | trailMode must be existing",
    })
    void aWrongTrailSettingIsRefusedNamingIt(String description, String mode, String arn, String message) {
        assertThatThrownBy(() -> new TrailSettings(mode, Optional.of(arn).filter(a -> !a.isEmpty()), 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void theSpokeProgramReadsTheTrailModeFromItsConfiguration(@TempDir Path folder) throws Exception {
        Path accounts = Files.writeString(folder.resolve("accounts.yaml"), SpokeStackTest.ACCOUNTS);
        Map<String, String> config = new HashMap<>(Map.of("accountsFile", accounts.toString(),
                "hubRoleArn", SpokeStackTest.HUB_ROLE, "hubEventBusArn", SpokeStackTest.HUB_BUS,
                "externalId", SpokeStackTest.EXTERNAL_ID));
        assertThat(SpokeSettings.from(StackConfig.ofMap(config)).trail().mode()).isEqualTo(TrailSettings.EXISTING);
        config.put("trailMode", "create");
        config.put("trailRetentionDays", "365");
        TrailSettings trail = SpokeSettings.from(StackConfig.ofMap(config)).trail();
        assertThat(trail.creates()).isTrue();
        assertThat(trail.retentionDays()).isEqualTo(365);
    }
}
