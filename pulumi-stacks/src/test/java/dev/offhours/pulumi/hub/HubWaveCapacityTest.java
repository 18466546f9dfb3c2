package dev.offhours.pulumi.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.savings.CostModel;
import dev.offhours.pulumi.MockedStack;
import dev.offhours.pulumi.StackConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The opt-in provisioned capacity for a 100,000-target fleet, where cost-model says it pays. */
class HubWaveCapacityTest {

    private static final String UP = "cron(50 5 ? * MON-FRI *)";
    private static final String DOWN = "cron(0 7 ? * MON-FRI *)";
    private static MockedStack.Run run;

    @BeforeAll
    static void declare() {
        Map<String, String> config = HubFixtures.organizationConfig();
        config.put("provisionedForTargets", "100000");
        config.put("provisionedScaleUpCrons", "[\"" + UP + "\"]");
        config.put("provisionedScaleDownCrons", "[\"" + DOWN + "\"]");
        run = HubFixtures.run(config);
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
    }

    @Test
    void theTablesAreProvisionedAtTheirUnitsBetweenWaves() {
        for (MockedStack.Declared table : run.ofType("aws:dynamodb/table:Table")) {
            assertThat(table.string("billingMode")).isEqualTo("PROVISIONED");
            assertThat(((Number) table.inputs().get("writeCapacity")).intValue()).isPositive();
        }
        MockedStack.Declared inventory = run.withInput("aws:dynamodb/table:Table", "name", "offhours-inventory");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) inventory.inputs().get("globalSecondaryIndexes");
        // the converged schedules' recounts read the bySchedule index all day long
        CostModel.CapacityPlan plan = CostModel.plan(100_000, CostModel.Assumptions.defaults());
        assertThat(((Number) indexes.get(0).get("readCapacity")).intValue())
                .isEqualTo((int) Math.ceil(0.8 * plan.baseReadUnits()));
    }

    @Test
    void eachBusyTableAndIndexIsRaisedBeforeTheWaveAndLoweredAfterIt() {
        List<MockedStack.Declared> targets = run.ofType("aws:appautoscaling/target:Target");
        assertThat(targets).extracting(t -> t.string("resourceId") + " " + t.string("scalableDimension"))
                .contains("table/offhours-inventory/index/bySchedule dynamodb:index:WriteCapacityUnits",
                        "table/offhours-inventory/index/bySchedule dynamodb:index:ReadCapacityUnits",
                        "table/offhours-operations dynamodb:table:WriteCapacityUnits",
                        "table/offhours-operations/index/recent dynamodb:index:WriteCapacityUnits");
        List<MockedStack.Declared> actions = run.ofType("aws:appautoscaling/scheduledAction:ScheduledAction");
        assertThat(actions).hasSize(2 * targets.size());
        MockedStack.Declared up = run.named("offhours-by-schedule-write-up-0");
        MockedStack.Declared down = run.named("offhours-by-schedule-write-down-0");
        assertThat(up.string("schedule")).isEqualTo(UP);
        assertThat(down.string("schedule")).isEqualTo(DOWN);
        CostModel.CapacityPlan plan = CostModel.plan(100_000, CostModel.Assumptions.defaults());
        assertThat(up.map("scalableTargetAction")).containsEntry("maxCapacity", Math.ceil(0.27 * plan.peakWriteUnits()));
        assertThat(down.map("scalableTargetAction").get("maxCapacity")).isEqualTo(
                (double) Math.max(1, (int) Math.ceil(0.27 * plan.baseWriteUnits())));
    }

    @Test
    void aFleetSizeWithoutCronsOrWithAMalformedCronIsRefusedBeforeAnythingIsDeclared() {
        Map<String, String> config = HubFixtures.organizationConfig();
        config.put("provisionedForTargets", "100000");
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .hasMessageContaining("provisionedForTargets needs provisionedScaleUpCrons and provisionedScaleDownCrons");
        config.put("provisionedScaleUpCrons", "0 6 * * *");
        config.put("provisionedScaleDownCrons", DOWN);
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .hasMessageContaining("such as cron(50 5 ? * MON-FRI *), not '0 6 * * *'");
    }
}
