package dev.offhours.reconciler.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.work.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The causes AWS writes on instance events, and the scaling activity (or none) read from them. */
class InstanceCauseTest {

    private static final ResourceRef WEB = ResourceRef.of(Target.asg("111111111111", "eu-west-1", "web"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AWS's documented launch | At 2015-11-11T21:31:00Z a user request created an AutoScalingGroup changing the"
                    + " desired capacity from 0 to 1. At 2015-11-11T21:31:10Z an instance was started in response to a"
                    + " difference between desired and actual capacity, increasing the capacity from 0 to 1."
                    + " | 2015-11-11T21:31:00Z 1",
            "a target-tracking policy | At 2026-03-02T08:22:45Z a monitor alarm TargetTracking-web-AlarmHigh-5a1b in"
                    + " state ALARM triggered policy cpu50 changing the desired capacity from 4 to 9. At"
                    + " 2026-03-02T08:22:50Z an instance was started in response to a difference between desired and"
                    + " actual capacity, increasing the capacity from 4 to 9. | 2026-03-02T08:22:45Z 9",
            "a scheduled action, fractional seconds | At 2026-03-02T06:00:00.512Z a scheduled action update of"
                    + " AutoScalingGroup constraints to min: 2, max: 10, desired: 4 changing the desired capacity from 0"
                    + " to 4. | 2026-03-02T06:00:00.512Z 4",
            "two activities: the last one counts | At 2026-03-02T08:00:00Z a user request update of AutoScalingGroup"
                    + " constraints to min: 1, max: 6, desired: 3 changing the desired capacity from 2 to 3. At"
                    + " 2026-03-02T08:05:00Z a user request explicitly set group desired capacity changing the desired"
                    + " capacity from 3 to 5. | 2026-03-02T08:05:00Z 5",
            "a health-check replacement names no size | At 2026-03-02T08:00:00Z an instance was taken out of service in"
                    + " response to an EC2 health check indicating it has been terminated or stopped. | touched",
            "AWS's documented placeholder | description_text | touched"})
    void readsTheLastDesiredSizeChangeOfTheCause(String name, String cause, String expected) {
        ResourceChange change = InstanceCause.change(WEB, cause);

        String read = change instanceof ResourceChange.ScalingActivity activity
                ? activity.at() + " " + activity.desired() : "touched";
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void anEventWithoutACauseIsTouched() {
        assertThat(InstanceCause.change(WEB, null)).isEqualTo(new ResourceChange.Touched(WEB));
    }
}
