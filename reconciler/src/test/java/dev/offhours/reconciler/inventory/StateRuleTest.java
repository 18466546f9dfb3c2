package dev.offhours.reconciler.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.TargetKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateRuleTest {

    @ParameterizedTest(name = "{0} at {1}, saved {2}, asleep shape {3}/{4}: {5}")
    @CsvSource(nullValues = "none", delimiter = ';', textBlock = """
            asg;           min=0,desired=0,max=0; min=1,desired=2,max=4; 0; 0; ASLEEP
            eks-nodegroup; min=0,desired=0,max=1; min=1,desired=2,max=4; 0; 0; ASLEEP
            asg;           min=1,desired=1,max=1; min=2,desired=3,max=6; 1; 1; ASLEEP
            asg;           min=0,desired=0,max=0; none;                  0; 0; UNKNOWN
            eks-nodegroup; min=0,desired=0,max=1; none;                  0; 0; UNKNOWN
            asg;           min=0,desired=0,max=0; min=1,desired=2,max=4; 1; 1; UNKNOWN
            asg;           min=1,desired=2,max=4; none;                  0; 0; AWAKE
            asg;           min=1,desired=2,max=4; min=1,desired=2,max=4; 0; 0; AWAKE
            asg;           min=2,desired=5,max=9; min=1,desired=2,max=4; 0; 0; AWAKE
            eks-nodegroup; min=0,desired=1,max=1; min=1,desired=2,max=4; 0; 0; AWAKE
            asg;           min=1,desired=1,max=1; min=1,desired=1,max=1; 1; 1; UNKNOWN
            """)
    void namesTheStateOfWhatDiscoverySees(String kind, String current, String saved, int asleepMin, int asleepDesired,
                                          TargetState expected) {
        TargetState state = StateRule.stateOf(TargetKind.fromWireName(kind), OffhoursTags.parseCapacity(current),
                saved == null ? null : OffhoursTags.parseCapacity(saved), new AsleepCapacity(asleepMin, asleepDesired));

        assertThat(state).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,1"})
    void anUnknownScheduleSleepsAtZero(int min, int desired) {
        AsleepShapes shapes = AsleepShapes.fromCatalog(() -> dev.offhours.core.schedule.ScheduleCatalog.EMPTY);

        assertThat(shapes.of("nobody-knows")).isEqualTo(AsleepCapacity.ZERO);
        assertThat(StateRule.stateOf(TargetKind.ASG, new Capacity(min, desired, desired), new Capacity(1, 2, 4),
                shapes.of("nobody-knows"))).isEqualTo(min == 0 ? TargetState.ASLEEP : TargetState.AWAKE);
    }
}
