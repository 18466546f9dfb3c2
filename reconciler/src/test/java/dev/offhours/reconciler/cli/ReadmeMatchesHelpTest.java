package dev.offhours.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's CLI table is what a newcomer reads first: it lists every command and option the help has. */
class ReadmeMatchesHelpTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z-]*)([^|]*(?:\\\\\\|[^|]*)*)` \\|", Pattern.MULTILINE);

    @Test
    void everyCommandAndOptionOfTheHelpIsInTheReadmeTableAndNothingElse() throws IOException {
        Map<String, Set<String>> readme = readmeCommands();
        CliRun top = CliRun.run("--help");
        Set<String> commands = new TreeSet<>();
        Matcher list = Pattern.compile("\\{([a-z,-]+)}").matcher(top.out());
        assertThat(list.find()).isTrue();
        commands.addAll(Set.of(list.group(1).split(",")));

        assertThat(readme.keySet()).isEqualTo(commands);
        for (String command : commands) {
            CliRun help = CliRun.run(command, "--help");
            String usage = help.out().substring(0, help.out().indexOf("\n\n"));
            assertThat(readme.get(command)).as("options of %s in the README", command).isEqualTo(options(usage));
        }
    }

    @Test
    void theReadmeListsEveryExitCodeWithItsLabel() throws IOException {
        String text = Files.readString(README);
        for (ExitCode code : ExitCode.values()) {
            assertThat(text).contains("| " + code.code() + " | " + (code == ExitCode.UNAVAILABLE ? "the hub"
                    : code == ExitCode.FAILED ? "another failure" : code.label()));
        }
        assertThat(text).doesNotContain("<<<<<<<").doesNotContain(">>>>>>>");
    }

    private static Map<String, Set<String>> readmeCommands() throws IOException {
        String text = Files.readString(README);
        String cli = text.substring(text.indexOf("## The CLI"), text.indexOf("## Map"));
        Map<String, Set<String>> commands = new TreeMap<>();
        Matcher row = ROW.matcher(cli);
        while (row.find()) {
            commands.put(row.group(1), options(row.group(2)));
        }
        return commands;
    }

    private static Set<String> options(String text) {
        Set<String> options = new TreeSet<>();
        Matcher m = OPTION.matcher(text);
        while (m.find()) {
            options.add(m.group());
        }
        options.remove("--help");
        return options;
    }
}
