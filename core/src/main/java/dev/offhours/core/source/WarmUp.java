package dev.offhours.core.source;

import dev.offhours.core.schedule.Schedule;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code spec.warmUp}: whole hours and minutes without leading zeros, such as {@code 10m}, {@code 2h} or
 * {@code 1h30m}, from 1 minute to {@link Schedule#MAX_WARM_UP}. No warm-up is written by leaving the field out.
 */
final class WarmUp {

    private static final Pattern DURATION = Pattern.compile("(?:([1-9][0-9]{0,2})h)?(?:([1-9][0-9]{0,3})m)?");
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
        if (warmUp.compareTo(Schedule.MAX_WARM_UP) > 0) {
            problems.at(node, path + " '" + text.get() + "' is over the maximum of 2h; " + RULE);
            return Optional.empty();
        }
        return Optional.of(warmUp);
    }
}
