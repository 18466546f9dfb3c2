package dev.offhours.pulumi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StacksMainTest {

    @Test
    void anUnknownProjectNameFailsAndNamesTheTwoPrograms() {
        MockedStack.Run run = MockedStack.run("offhours-typo", StacksMain::program);
        assertThat(run.result().exitCode()).isNotZero();
        assertThat(run.result().exceptions()).anySatisfy(e -> assertThat(e)
                .hasStackTraceContaining("offhours-hub").hasStackTraceContaining("offhours-spoke"));
        assertThat(run.resources()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[\"111122223333\", \"222233334444\"] | 111122223333,222233334444",
            "111122223333, 222233334444 | 111122223333,222233334444",
            "111122223333 | 111122223333"})
    void listsAreReadAsJsonArraysOrCommaSeparated(String raw, String expected) {
        assertThat(StackConfig.ofMap(Map.of("ids", raw)).list("ids")).isEqualTo(List.of(expected.split(",")));
    }

    @Test
    void aMissingRequiredValueSaysWhichCommandSetsIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StackConfig.ofMap(Map.of()).require("hubRoleArn"))
                .hasMessageContaining("pulumi config set hubRoleArn");
    }
}
