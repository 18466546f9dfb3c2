package dev.offhours.core.source;

import dev.offhours.core.schedule.Schedule;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code spec.warmUp}: minutes and hours such as {@code 10m}, {@code 2h} or {@code 1h30m}, 1 minute to 2h. */
final class WarmUp {

    private static final Pattern DURATION = Pattern.compile("(?:([0-9]{1,3})h)?(?:([0-9]{1,4})m)?");
    private static final String RULE = "use minutes or hours from 1m to 2h, e.g. '10m', '45m', '1h30m' or '2h'";

    private WarmUp() {
    }

    static Optional<Duration> read(Node node, FileProblems problems) {
        String path = "spec.warmUp";
        Optional<String> text = Values.text(node, path, "'10m'", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(text.get());
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            problems.at(node, path + " '" + text.get() + "' is not a duration; " + RULE);
            return Optional.empty();
        }
        Duration warmUp = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        if (warmUp.isZero()) {
            problems.at(node, path + " '" + text.get() + "' is no warm-up; " + RULE + ", or remove the field");
            return Optional.empty();
        }
        if (warmUp.compareTo(Schedule.MAX_WARM_UP) > 0) {
            problems.at(node, path + " '" + text.get() + "' is over the maximum of 2h; " + RULE);
            return Optional.empty();
        }
        return Optional.of(warmUp);
    }
}
