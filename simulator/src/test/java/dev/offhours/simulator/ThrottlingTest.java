package dev.offhours.simulator;

import static dev.offhours.simulator.StrictRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.ThrottlingException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Token buckets per (account, region, family) and AWS's throttling answers. */
class ThrottlingTest {
    private final ManualTime time = Spokes.manualTime();

    @Test
    void drainedAutoScalingBucketAnswersThrottlingLikeAws() {
        SimulatedFleet fleet = Spokes.small(time).build();
        AutoScalingClient client = fleet.autoScaling(Spokes.assume(fleet, Spokes.account(fleet, 0)), Spokes.REGION);

        drain(client, 40);

        assertThatThrownBy(client::describeAutoScalingGroups)
                .isInstanceOfSatisfying(AutoScalingException.class, e -> {
                    assertError(e, "Throttling", 400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(fleet.metrics().snapshot().throttlesByFamily()).containsEntry(ApiFamily.AUTOSCALING, 1L);
    }

    @Test
    void bucketRefillsWithSimulatedTime() {
        SimulatedFleet fleet = Spokes.small(time).build();
        AutoScalingClient client = fleet.autoScaling(Spokes.assume(fleet, Spokes.account(fleet, 0)), Spokes.REGION);
        drain(client, 40);

        time.advance(Duration.ofSeconds(1));

        drain(client, 20);
        assertThatThrownBy(client::describeAutoScalingGroups).isInstanceOf(AutoScalingException.class);
    }

    @Test
    void bucketsArePerAccountAndRegion() {
        SimulatedFleet fleet = Spokes.small(time).build();
        AwsCredentialsProvider first = Spokes.assume(fleet, Spokes.account(fleet, 0));
        AwsCredentialsProvider second = Spokes.assume(fleet, Spokes.account(fleet, 1));
        AutoScalingClient drained = fleet.autoScaling(first, Spokes.REGION);
        drain(drained, 40);
        assertThatThrownBy(drained::describeAutoScalingGroups).isInstanceOf(AutoScalingException.class);

        drain(fleet.autoScaling(first, Spokes.OTHER_REGION), 40);
        drain(fleet.autoScaling(second, Spokes.REGION), 40);
        fleet.eks(first, Spokes.REGION).listClusters();

        var throttled = fleet.metrics().snapshot().throttlesByAccountRegion(ApiFamily.AUTOSCALING);
        assertThat(throttled).containsOnlyKeys(new AccountRegion(Spokes.account(fleet, 0), Spokes.REGION));
    }

    @Test
    void drainedEksBucketAnswersThrottlingException429() {
        SimulatedFleet fleet = Spokes.small(time).eksRequestLimitFraction(0).build();
        var eks = fleet.eks(Spokes.assume(fleet, Spokes.account(fleet, 0)), Spokes.REGION);
        for (int i = 0; i < 20; i++) {
            eks.listClusters();
        }

        assertThatThrownBy(eks::listClusters).isInstanceOfSatisfying(ThrottlingException.class,
                e -> assertError(e, "ThrottlingException", 429));
    }

    @Test
    void eksThrottlesCanAnswerRequestLimitExceeded400() {
        SimulatedFleet fleet = Spokes.small(time).eksRequestLimitFraction(1).build();
        var eks = fleet.eks(Spokes.assume(fleet, Spokes.account(fleet, 0)), Spokes.REGION);
        for (int i = 0; i < 20; i++) {
            eks.listClusters();
        }

        assertThatThrownBy(eks::listClusters).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertError(e, "InvalidRequestException", 400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Request limit exceeded");
        });
    }

    @Test
    void hubStsBucketThrottlesAssumeRoleAcrossAccounts() {
        SimulatedFleet fleet = Spokes.small(time).bucket(ApiFamily.STS, new TokenBucketSpec(1, 3)).build();
        for (int i = 0; i < 3; i++) {
            Spokes.assume(fleet, Spokes.account(fleet, i % 2));
        }

        assertThatThrownBy(() -> Spokes.assume(fleet, Spokes.account(fleet, 1)))
                .isInstanceOfSatisfying(StsException.class, e -> assertError(e, "Throttling", 400));
        assertThat(fleet.metrics().snapshot().assumeRoleCallsByAccount())
                .containsEntry(Spokes.account(fleet, 0), 2L)
                .containsEntry(Spokes.account(fleet, 1), 2L);
    }

    @Test
    void roleAccountScopeGivesEverySpokeItsOwnStsBucket() {
        SimulatedFleet fleet = Spokes.small(time).bucket(ApiFamily.STS, new TokenBucketSpec(1, 3))
                .stsBucketScope(StsBucketScope.ROLE_ACCOUNT).build();
        for (int i = 0; i < 3; i++) {
            Spokes.assume(fleet, Spokes.account(fleet, 0));
        }

        Spokes.assume(fleet, Spokes.account(fleet, 1));
        assertThatThrownBy(() -> Spokes.assume(fleet, Spokes.account(fleet, 0))).isInstanceOf(StsException.class);
    }

    private static void drain(AutoScalingClient client, int calls) {
        for (int i = 0; i < calls; i++) {
            client.describeAutoScalingGroups();
        }
    }
}
