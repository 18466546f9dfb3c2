package dev.offhours.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.offhours.reconciler.OffhoursApplication;
import org.junit.jupiter.api.Test;

/**
 * The demo's jar is the service's command line plus {@code demo}, and the README's demo row says what its help
 * says (the service's README table is checked against the service's help in the reconciler's tests).
 */
class DemoApplicationTest {

    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

    @Test
    void theDemoJarHasEveryCommandOfTheServiceAndDemo() {
        Set<String> service = commands(serviceHelp());
        Set<String> demo = commands(run("--help"));

        assertThat(service).contains("server", "check", "validate").doesNotContain("demo");
        Set<String> expected = new TreeSet<>(service);
        expected.add("demo");
        assertThat(demo).isEqualTo(expected);
    }

    private static Set<String> commands(String help) {
        Matcher list = Pattern.compile("\\{([a-z,-]+)}").matcher(help);
        assertThat(list.find()).as(help).isTrue();
        return new TreeSet<>(Set.of(list.group(1).split(",")));
    }

    private static String serviceHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            assertThat(new OffhoursApplication(Clock.systemUTC(), o, quiet()).execute("--help")).isZero();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Test
    void theReadmesDemoRowListsEveryOptionOfItsHelp() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher row = Pattern.compile("^\\| `demo ([^`]*)` \\|", Pattern.MULTILINE).matcher(readme);
        assertThat(row.find()).as("a README row for demo").isTrue();
        String help = run("demo", "--help");

        assertThat(options(row.group(1))).isEqualTo(options(help.substring(0, help.indexOf("\n\n"))));
    }

    private static String run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
            int exitCode = new DemoApplication(Clock.systemUTC(), o, e).execute(arguments);
            assertThat(exitCode).isZero();
        }
        return out.toString(StandardCharsets.UTF_8);
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
