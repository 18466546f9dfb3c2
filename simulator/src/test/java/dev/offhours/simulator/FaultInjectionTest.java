package dev.offhours.simulator;

import static dev.offhours.simulator.StrictRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Server errors, accounts that refuse AssumeRole and stuck node groups, chosen by the seed. */
class FaultInjectionTest {
    @Test
    void everyCallFailsWith5xxAtRateOneAndNothingIsApplied() {
        SimulatedFleet fleet = Spokes.small(Spokes.manualTime()).serverErrorRate(ApiFamily.AUTOSCALING, 1.0)
                .serverErrorRate(ApiFamily.EKS, 1.0).build();
        var credentials = Spokes.assume(fleet, Spokes.account(fleet, 0));
        Target asg = fleet.targets().get(0);
        Capacity before = fleet.capacity(asg);

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> fleet.autoScaling(credentials, Spokes.REGION)
                    .updateAutoScalingGroup(r -> r.autoScalingGroupName(asg.name()).minSize(0).desiredCapacity(0).maxSize(0)))
                    .isInstanceOfSatisfying(AutoScalingException.class, e -> assertThat(e.statusCode()).isIn(500, 503))
                    .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                            .isIn("InternalFailure", "ServiceUnavailable"));
            assertThatThrownBy(() -> fleet.eks(credentials, Spokes.REGION).listClusters())
                    .isInstanceOf(EksException.class)
                    .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                            .isIn("ServerException", "ServiceUnavailableException"));
        }
        assertThat(fleet.capacity(asg)).isEqualTo(before);
        assertThat(fleet.metrics().snapshot().serverErrors()).isEqualTo(20);
    }

    @Test
    void aFractionOfCallsFailsAtAPartialRate() {
        SimulatedFleet fleet = Spokes.small(Spokes.manualTime()).serverErrorRate(ApiFamily.AUTOSCALING, 0.3)
                .bucket(ApiFamily.AUTOSCALING, new TokenBucketSpec(1000, 1000)).build();
        var client = fleet.autoScaling(Spokes.assume(fleet, Spokes.account(fleet, 0)), Spokes.REGION);
        int failures = 0;
        for (int i = 0; i < 500; i++) {
            try {
                client.describeAutoScalingGroups();
            } catch (AutoScalingException e) {
                failures++;
            }
        }

        assertThat(failures).isBetween(100, 200);
    }

    @Test
    void deniedAccountsAndStuckNodegroupsArePickedBySeed() {
        FleetBuilder builder = SimulatedFleet.builder().seed(3).time(Spokes.manualTime()).noLatency().accounts(20)
                .deniedAccounts(3).stuckNodegroups(4);
        SimulatedFleet fleet = builder.build();
        SimulatedFleet again = builder.build();

        assertThat(fleet.deniedAccounts()).hasSize(3).isEqualTo(again.deniedAccounts());
        List<Target> stuck = fleet.stuckNodegroups();
        assertThat(stuck).hasSize(4).isEqualTo(again.stuckNodegroups());
        String denied = fleet.deniedAccounts().iterator().next();
        assertThatThrownBy(() -> Spokes.assume(fleet, denied))
                .isInstanceOfSatisfying(StsException.class, e -> assertError(e, "AccessDenied", 403));
    }
}
