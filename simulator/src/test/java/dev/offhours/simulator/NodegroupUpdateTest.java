package dev.offhours.simulator;

import static dev.offhours.simulator.StrictRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** UpdateNodegroupConfig is asynchronous, and one update at a time. */
class NodegroupUpdateTest {
    private static final Capacity AWAKE = new Capacity(2, 3, 10);
    private static final Capacity ASLEEP = new Capacity(0, 0, 1);

    private final ManualTime time = Spokes.manualTime();

    @Test
    void updateIsInProgressUntilItsDurationPassesAndBlocksOtherUpdates() {
        SimulatedFleet fleet = fleet(ScalingApplies.IMMEDIATELY);
        Target ng = workers(fleet);
        EksClient eks = eks(fleet, ng);

        Update update = sleep(eks);
        assertThat(update.status()).isEqualTo(UpdateStatus.IN_PROGRESS);
        assertThat(update.id()).isNotBlank();
        assertThat(describe(eks).status()).isEqualTo(NodegroupStatus.UPDATING);
        assertThat(fleet.capacity(ng)).isEqualTo(ASLEEP);
        assertThatThrownBy(() -> sleep(eks)).isInstanceOfSatisfying(ResourceInUseException.class,
                e -> assertError(e, "ResourceInUseException", 409));

        time.advance(Duration.ofSeconds(30));

        assertThat(describeUpdate(eks, update.id()).status()).isEqualTo(UpdateStatus.SUCCESSFUL);
        assertThat(describe(eks).status()).isEqualTo(NodegroupStatus.ACTIVE);
        assertThat(sleep(eks).status()).isEqualTo(UpdateStatus.IN_PROGRESS);
    }

    @Test
    void updateOfZeroDurationAnswersSuccessfulAtOnce() {
        SimulatedFleet fleet = Spokes.small(time).nodegroupUpdateDuration(Duration.ZERO).build();
        Target ng = workers(fleet);
        EksClient eks = eks(fleet, ng);

        assertThat(sleep(eks).status()).isEqualTo(UpdateStatus.SUCCESSFUL);
        assertThat(describe(eks).status()).isEqualTo(NodegroupStatus.ACTIVE);
        assertThat(fleet.capacity(ng)).isEqualTo(ASLEEP);
    }

    @Test
    void onCompletionModeShowsTheOldScalingUntilTheUpdateSucceeds() {
        SimulatedFleet fleet = fleet(ScalingApplies.ON_COMPLETION);
        Target ng = workers(fleet);
        EksClient eks = eks(fleet, ng);

        sleep(eks);
        assertThat(fleet.capacity(ng)).isEqualTo(AWAKE);

        time.advance(Duration.ofSeconds(30));
        assertThat(describe(eks).scalingConfig().maxSize()).isEqualTo(1);
    }

    @Test
    void sameClientRequestTokenReturnsTheSameUpdate() {
        SimulatedFleet fleet = fleet(ScalingApplies.IMMEDIATELY);
        EksClient eks = eks(fleet, workers(fleet));

        String first = eks.updateNodegroupConfig(r -> r.clusterName("main").nodegroupName("workers")
                .clientRequestToken("work-item-1").scalingConfig(EksModel.scaling(ASLEEP))).update().id();
        String again = eks.updateNodegroupConfig(r -> r.clusterName("main").nodegroupName("workers")
                .clientRequestToken("work-item-1").scalingConfig(EksModel.scaling(ASLEEP))).update().id();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void stuckNodegroupKeepsItsUpdateInProgressUntilUnstuck() {
        SimulatedFleet fleet = fleet(ScalingApplies.IMMEDIATELY);
        Target ng = workers(fleet);
        EksClient eks = eks(fleet, ng);
        fleet.stick(ng);

        Update update = sleep(eks);
        time.advance(Duration.ofMinutes(50));
        assertThat(describeUpdate(eks, update.id()).status()).isEqualTo(UpdateStatus.IN_PROGRESS);
        assertThat(fleet.stuckNodegroups()).containsExactly(ng);
        assertThatThrownBy(() -> sleep(eks)).isInstanceOf(ResourceInUseException.class);

        fleet.unstick(ng);
        assertThat(describeUpdate(eks, update.id()).status()).isEqualTo(UpdateStatus.SUCCESSFUL);
    }

    @Test
    void unknownUpdateIdIsResourceNotFound() {
        SimulatedFleet fleet = fleet(ScalingApplies.IMMEDIATELY);
        EksClient eks = eks(fleet, workers(fleet));

        assertThatThrownBy(() -> describeUpdate(eks, "00000000-0000-0000-0000-000000000000"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertError(e, "ResourceNotFoundException", 404));
    }

    @Test
    void nodegroupTagsAreReadAndWrittenByArn() {
        SimulatedFleet fleet = fleet(ScalingApplies.IMMEDIATELY);
        Target ng = workers(fleet);
        EksClient eks = eks(fleet, ng);
        String arn = describe(eks).nodegroupArn();

        eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("offhours.dev/awake-capacity", "min=2,desired=3,max=10")));
        eks.untagResource(r -> r.resourceArn(arn).tagKeys("team"));

        assertThat(eks.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .containsOnlyKeys("offhours.dev/schedule", "offhours.dev/awake-capacity");
        assertThat(fleet.tags(ng)).containsEntry("offhours.dev/awake-capacity", "min=2,desired=3,max=10");
    }

    private SimulatedFleet fleet(ScalingApplies applies) {
        return Spokes.small(time).nodegroupUpdateDuration(Duration.ofSeconds(30)).scalingApplies(applies).build();
    }

    private static Target workers(SimulatedFleet fleet) {
        return fleet.addNodegroup(Spokes.account(fleet, 0), Spokes.REGION, "main", "workers", AWAKE,
                Map.of("offhours.dev/schedule", "office-hours", "team", "payments"));
    }

    private static EksClient eks(SimulatedFleet fleet, Target ng) {
        return fleet.eks(Spokes.assume(fleet, ng.account()), ng.region());
    }

    private static Update sleep(EksClient eks) {
        return eks.updateNodegroupConfig(r -> r.clusterName("main").nodegroupName("workers")
                .scalingConfig(EksModel.scaling(ASLEEP))).update();
    }

    private static software.amazon.awssdk.services.eks.model.Nodegroup describe(EksClient eks) {
        return eks.describeNodegroup(r -> r.clusterName("main").nodegroupName("workers")).nodegroup();
    }

    private static Update describeUpdate(EksClient eks, String id) {
        return eks.describeUpdate(r -> r.name("main").nodegroupName("workers").updateId(id)).update();
    }
}
