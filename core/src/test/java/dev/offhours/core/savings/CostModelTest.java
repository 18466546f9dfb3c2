package dev.offhours.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether provisioned DynamoDB capacity scheduled before the waves costs less than on-demand, by fleet size. */
class CostModelTest {

    private static final CostModel.Assumptions DEFAULTS = CostModel.Assumptions.defaults();

    @ParameterizedTest(name = "{0} targets: provisioned pays = {1}")
    @CsvSource({"1000, false", "10000, false", "100000, true"})
    void provisionedCapacityPaysOnlyForLongWaves(int targets, boolean pays) {
        assertThat(CostModel.estimate(targets, DEFAULTS, 0.096).provisionedPays()).isEqualTo(pays);
    }

    @ParameterizedTest(name = "{0} targets")
    @CsvSource({"1000", "10000", "100000"})
    void onDemandIsTheUnitsTimesTheirPrice(int targets) {
        double writes = targets * 13.0 * 60;
        double reads = targets * (2.5 * 60 + 36 * 30);
        assertThat(CostModel.estimate(targets, DEFAULTS, 0.096).onDemand())
                .isCloseTo(writes * 0.625e-6 + reads * 0.125e-6, within(1e-9));
    }
}
