package dev.offhours.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** The rules AWS enforces and moto does not. */
class StrictRulesTest {
    private SimulatedFleet fleet;
    private Target asg;
    private Target nodegroup;
    private AutoScalingClient autoScaling;
    private EksClient eks;

    @BeforeEach
    void setUp() {
        fleet = Spokes.small(Spokes.manualTime()).build();
        String account = Spokes.account(fleet, 0);
        asg = fleet.addAsg(account, Spokes.REGION, "web", new Capacity(1, 2, 10), Map.of());
        nodegroup = fleet.addNodegroup(account, Spokes.REGION, "main", "workers", new Capacity(2, 3, 10), Map.of());
        var credentials = Spokes.assume(fleet, account);
        autoScaling = fleet.autoScaling(credentials, Spokes.REGION);
        eks = fleet.eks(credentials, Spokes.REGION);
    }

    @ParameterizedTest(name = "node group min={0} desired={1} max={2} is rejected")
    @CsvSource({"0,0,0", "0,0,-1", "0,2,1", "3,2,5", "4,4,3", "-1,0,1"})
    void nodegroupScalingOutsideAwsRulesIsRejected(int min, int desired, int max) {
        assertThatThrownBy(() -> eks.updateNodegroupConfig(r -> r.clusterName("main").nodegroupName("workers")
                .scalingConfig(s -> s.minSize(min).desiredSize(desired).maxSize(max))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertError(e, "InvalidParameterException", 400));
        assertThat(fleet.capacity(nodegroup)).isEqualTo(new Capacity(2, 3, 10));
    }

    @Test
    void nodegroupSleepsAtMaxOne() {
        eks.updateNodegroupConfig(r -> r.clusterName("main").nodegroupName("workers")
                .scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(1)));

        assertThat(fleet.capacity(nodegroup)).isEqualTo(new Capacity(0, 0, 1));
    }

    @ParameterizedTest(name = "ASG update min={0} desired={1} max={2} is rejected")
    @CsvSource({"1,11,10", "5,4,10", "3,3,2", "-1,0,0", "0,0,-1"})
    void asgUpdateOutsideAwsRulesIsRejected(int min, int desired, int max) {
        assertThatThrownBy(() -> autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("web")
                .minSize(min).desiredCapacity(desired).maxSize(max)))
                .isInstanceOfSatisfying(AutoScalingException.class, e -> assertError(e, "ValidationError", 400));
        assertThat(fleet.capacity(asg)).isEqualTo(new Capacity(1, 2, 10));
    }

    @ParameterizedTest(name = "SetDesiredCapacity {0} is rejected (min 1, max 10)")
    @CsvSource({"11", "0"})
    void setDesiredCapacityOutsideBoundsIsRejected(int desired) {
        assertThatThrownBy(() -> autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("web")
                .desiredCapacity(desired)))
                .isInstanceOfSatisfying(AutoScalingException.class, e -> assertError(e, "ValidationError", 400));
    }

    @Test
    void asgSleepsAtZeroAndLoweringMaxAloneMovesDesiredIntoBounds() {
        autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("web").minSize(0).desiredCapacity(0).maxSize(0));
        assertThat(fleet.capacity(asg)).isEqualTo(new Capacity(0, 0, 0));

        autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("web").minSize(2).maxSize(4));
        assertThat(fleet.capacity(asg)).isEqualTo(new Capacity(2, 2, 4));
    }

    @Test
    void unknownResourcesAnswerAwsErrors() {
        assertThatThrownBy(() -> autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("nope").minSize(0)))
                .isInstanceOfSatisfying(AutoScalingException.class, e -> assertError(e, "ValidationError", 400))
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> eks.describeNodegroup(r -> r.clusterName("main").nodegroupName("nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertError(e, "ResourceNotFoundException", 404));
        assertThatThrownBy(() -> eks.listNodegroups(r -> r.clusterName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("nope")).autoScalingGroups())
                .isEmpty();
    }

    @Test
    void operationsTheSimulatorDoesNotServeStayUnsupported() {
        assertThatThrownBy(() -> autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("web")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static void assertError(AwsServiceException e, String code, int status) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().sdkHttpResponse().statusCode()).isEqualTo(status);
    }
}
