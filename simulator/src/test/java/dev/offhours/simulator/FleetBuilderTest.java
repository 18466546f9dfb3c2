package dev.offhours.simulator;

import dev.offhours.core.work.TargetKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated fleet: sizes, tags, realistic capacities, determinism. */
class FleetBuilderTest {
    private static FleetBuilder storm(long seed) {
        return SimulatedFleet.builder().seed(seed).time(Spokes.manualTime()).noLatency()
                .accounts(500).regions("eu-central-1", "eu-west-1")
                .asgsPerAccountRegion(5).nodegroupsPerAccountRegion(5).schedule("payments-dev");
    }

    @Test
    void windowStormFleetHasTenThousandTaggedTargets() {
        SimulatedFleet fleet = storm(1).build();

        List<Target> targets = fleet.targets();

        assertThat(targets).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(targets).filteredOn(t -> t.kind() == TargetKind.ASG).hasSize(5_000);
        assertThat(targets).allSatisfy(t -> assertThat(t.schedule()).isEqualTo("payments-dev"));
        assertThat(fleet.accounts()).hasSize(500).allSatisfy(a -> assertThat(a).hasSize(12));
        assertThat(fleet.accountRegions()).hasSize(1_000);
        assertThat(targets).allSatisfy(t -> {
            Capacity c = fleet.capacity(t);
            assertThat(c.min()).isBetween(1, 3);
            assertThat(c.desired()).isBetween(Math.max(2, c.min()), 6);
            assertThat(c.max()).isEqualTo(10);
        });
    }

    @Test
    void sameSeedGivesSameCapacitiesAndAnotherSeedDiffers() {
        SimulatedFleet one = storm(5).accounts(20).build();
        SimulatedFleet same = storm(5).accounts(20).build();
        SimulatedFleet other = storm(6).accounts(20).build();

        List<Capacity> capacities = one.targets().stream().map(one::capacity).toList();
        assertThat(same.targets().stream().map(same::capacity).toList()).isEqualTo(capacities);
        assertThat(other.targets().stream().map(other::capacity).toList()).isNotEqualTo(capacities);
    }
}
