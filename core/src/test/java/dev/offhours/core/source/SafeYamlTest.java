package dev.offhours.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader is safe against hostile files and reads scalars as written. */
class SafeYamlTest {

    private static final String PATH = "schedules/evil/lol.yaml";

    @Test
    void billionLaughsFailsAtOnceWithAClearMessage() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char previous = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            yaml.append(String.join(",", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
        }
        // a guard against a hang, not a performance claim: expanding this file would take forever
        RepositoryReadResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new RepositoryReader().read(Repos.files(Map.of(PATH, yaml.toString()))));

        assertThat(result.problems()).map(Problem::toString).containsExactly(PATH + ": the file uses more than 10"
                + " aliases (*name) of lists or mappings; write the values out instead (alias expansion is limited so"
                + " a file cannot exhaust memory)");
    }

    @Test
    void aFewAliasesAreFine() {
        Map<String, String> files = Repos.with(Repos.SCHEDULE_PATH, "scope:\n    accounts: [dev-payments, \"group:dev\"]",
                "scope:\n    accounts: &mine [dev-payments, \"group:dev\"]");

        assertThat(Repos.read(files).problems()).isEmpty();
    }

    @Test
    void aFileLargerThan256KiBIsRefusedBeforeParsing() {
        String huge = "# " + "x".repeat(300 * 1024) + "\n";

        RepositoryReadResult result = new RepositoryReader().read(Repos.files(Map.of(PATH, huge)));

        assertThat(result.problems()).map(Problem::toString).containsExactly(PATH + ": the file has 307203"
                + " characters; a file may have at most 262144 (256 KiB), split it into smaller files");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "a: " + "[".repeat(40) + "]".repeat(40) + "\n";

        RepositoryReadResult result = new RepositoryReader().read(Repos.files(Map.of(PATH, deep)));

        assertThat(result.problems()).map(Problem::toString).containsExactly(PATH + ": the file nests lists and"
                + " mappings more than 20 levels deep; offhours documents need at most 4");
    }

    @Test
    void anEmptyFileIsReported() {
        RepositoryReadResult result = new RepositoryReader().read(Repos.files(Map.of(PATH, "# nothing yet\n")));

        assertThat(result.problems()).map(Problem::toString).containsExactly(PATH + ": the file is empty; it must"
                + " hold one YAML document starting with 'apiVersion: offhours.dev/v1'");
    }

    @Test
    void scalarsAreReadAsWrittenNotAsYamlGuesses() {
        Map<String, String> files = Repos.with(Repos.ACCOUNTS_PATH, "id: \"012345678901\"", "id: 012345678901");
        files = withSchedule(files, "description: Dev capacity of the payments team", "description: on");

        RepositoryReadResult result = Repos.read(files);

        assertThat(result.problems()).isEmpty();
        assertThat(result.catalog().accounts().accounts().get(0).id()).isEqualTo("012345678901");
        assertThat(result.catalog().schedule("payments-dev").orElseThrow().description()).isEqualTo("on");
    }

    private static Map<String, String> withSchedule(Map<String, String> files, String from, String to) {
        files.put(Repos.SCHEDULE_PATH, files.get(Repos.SCHEDULE_PATH).replace(from, to));
        return files;
    }
}
