package dev.offhours.simulator;

import dev.offhours.core.work.TargetKind;
import static dev.offhours.simulator.StrictRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** How the hub reaches a spoke: AssumeRole, then clients acting in the role's account. */
class CredentialsTest {
    private final ManualTime time = Spokes.manualTime();
    private final SimulatedFleet fleet = Spokes.small(time).build();
    private final String first = Spokes.account(fleet, 0);
    private final String second = Spokes.account(fleet, 1);

    @Test
    void credentialsActInTheAccountWhoseRoleIssuedThem() {
        var autoScaling = fleet.autoScaling(Spokes.assume(fleet, first), Spokes.REGION);
        autoScaling.createOrUpdateTags(r -> r.tags(t -> t.resourceId("asg-001").resourceType("auto-scaling-group")
                .key("offhours.dev/awake-capacity").value("min=1,desired=2,max=10")));

        assertThat(fleet.tags(asg(first))).containsKey("offhours.dev/awake-capacity");
        assertThat(fleet.tags(asg(second))).doesNotContainKey("offhours.dev/awake-capacity");
        assertThat(fleet.sts(Spokes.assume(fleet, second)).getCallerIdentity().account()).isEqualTo(second);
    }

    @Test
    void sessionsExpireAfterOneHourOfSimulatedTime() {
        AssumeRoleResponse response = fleet.sts().assumeRole(r -> r.roleArn(fleet.roleArn(first))
                .roleSessionName("offhours").externalId("offhours"));
        assertThat(response.credentials().expiration()).isEqualTo(Spokes.START.plus(Duration.ofHours(1)));
        assertThat(response.assumedRoleUser().arn()).contains(first).endsWith("/offhours");
        var autoScaling = fleet.autoScaling(Spokes.assume(fleet, first), Spokes.REGION);

        time.advance(Duration.ofHours(1));

        assertThatThrownBy(autoScaling::describeAutoScalingGroups).isInstanceOfSatisfying(AutoScalingException.class,
                e -> assertError(e, "ExpiredToken", 403));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "wrong ExternalId, offhours-spoke, other-id",
            "missing ExternalId, offhours-spoke, ",
            "role that does not exist, admin, offhours"})
    void refusedAssumeRoleIsAccessDenied(String why, String role, String externalId) {
        assertThatThrownBy(() -> fleet.sts().assumeRole(r -> r.roleArn("arn:aws:iam::" + first + ":role/" + role)
                .roleSessionName("offhours").externalId(externalId)))
                .isInstanceOfSatisfying(StsException.class, e -> assertError(e, "AccessDenied", 403))
                .hasMessageContaining("not authorized to perform: sts:AssumeRole");
    }

    @Test
    void accountsOutsideTheFleetAndDeniedAccountsAreAccessDenied() {
        fleet.denyAssumeRole(second);

        assertThatThrownBy(() -> Spokes.assume(fleet, "999999999999")).isInstanceOf(StsException.class);
        assertThatThrownBy(() -> Spokes.assume(fleet, second))
                .isInstanceOfSatisfying(StsException.class, e -> assertError(e, "AccessDenied", 403));
        fleet.allowAssumeRole(second);
        assertThat(Spokes.assume(fleet, second)).isNotNull();
    }

    @Test
    void sessionsLongerThanAnHourAreRefusedForChainedRoles() {
        assertThatThrownBy(() -> fleet.sts().assumeRole(r -> r.roleArn(fleet.roleArn(first))
                .roleSessionName("offhours").externalId("offhours").durationSeconds(7200)))
                .isInstanceOfSatisfying(StsException.class, e -> assertError(e, "ValidationError", 400));
    }

    @Test
    void credentialsTheSimulatorNeverIssuedAreRejected() {
        var basic = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "secret"));
        var forged = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                "ASIA" + first + "0001", "secret", "sim/" + first + "/offhours-spoke/1/deadbeef"));

        assertThatThrownBy(() -> fleet.autoScaling(basic, Spokes.REGION).describeAutoScalingGroups())
                .isInstanceOfSatisfying(AutoScalingException.class, e -> assertError(e, "InvalidClientTokenId", 403));
        assertThatThrownBy(() -> fleet.eks(forged, Spokes.REGION).listClusters())
                .isInstanceOfSatisfying(EksException.class, e -> assertError(e, "UnrecognizedClientException", 403));
    }

    private static Target asg(String account) {
        return new Target(account, Spokes.REGION, TargetKind.ASG, null, "asg-001", "office-hours");
    }
}
