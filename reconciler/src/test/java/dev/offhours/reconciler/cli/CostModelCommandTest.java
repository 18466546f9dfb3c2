package dev.offhours.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The answer an operator reads before choosing DynamoDB's capacity mode for the hub tables. */
class CostModelCommandTest {

    @Test
    void printsTheBillPerFleetSizeAndWhetherProvisionedCapacityPays() {
        CliRun run = CliRun.run("cost-model");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("assumptions: 2 transitions a day;")
                .contains("1,000 targets (a wave takes 1.0 min):")
                .contains("10,000 targets (a wave takes 4.2 min):")
                .contains("100,000 targets (a wave takes 41.7 min):")
                .containsPattern("DynamoDB provisioned, scaled up for each wave +[0-9.,]+ +-> does not pay")
                .containsPattern("DynamoDB provisioned, scaled up for each wave +[0-9.,]+ +-> pays: [0-9.,]+ less")
                .containsPattern("total with the service's worker pool +[0-9.,]+ USD a month")
                .containsPattern("what the fleet's sleep saves +[0-9.,]+ USD a month \\(offhours costs 0\\.[0-9]+ %");
    }

    @Test
    void aFleetSizeBelowOneIsAUsageError() {
        CliRun run = CliRun.run("cost-model", "--targets", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--targets takes fleet sizes of 1 or more, not 0");
    }
}
