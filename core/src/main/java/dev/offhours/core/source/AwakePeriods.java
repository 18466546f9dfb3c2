package dev.offhours.core.source;

import dev.offhours.core.schedule.AwakePeriod;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code spec.awake}. Times are {@code HH:MM} from 00:00 to 23:59; {@code to} may also be {@code 24:00}, the
 * end of the day, stored as {@link LocalTime#MIDNIGHT}. A period whose {@code to} is not after {@code from} runs
 * past midnight; a literal {@code from == to} is rejected as empty (write 00:00 to 24:00 for a whole day).
 */
final class AwakePeriods {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String END_OF_DAY = "24:00";
    private static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    /** A period that was read, with where it came from. */
    private record Read(AwakePeriod period, String path, Node node) {
    }

    private AwakePeriods() {
    }

    static Optional<List<AwakePeriod>> read(Node node, String path, FileProblems problems) {
        Optional<List<Node>> items = Values.list(node, path, "[{days: Mon-Fri, from: \"07:30\", to: \"19:00\"}]",
                problems);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.count();
        List<Read> periods = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            String itemPath = path + "[" + i + "]";
            Node item = items.get().get(i);
            readPeriod(item, itemPath, problems).ifPresent(p -> periods.add(new Read(p, itemPath, item)));
        }
        reportOverlaps(periods, problems);
        return problems.count() == before
                ? Optional.of(periods.stream().map(Read::period).toList())
                : Optional.empty();
    }

    private static Optional<AwakePeriod> readPeriod(Node node, String path, FileProblems problems) {
        Optional<MappingFields> fields = MappingFields.read(node, path, null, KnownFields.AWAKE_PERIOD, problems);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        MappingFields f = fields.get();
        Optional<Set<DayOfWeek>> days = f.required("days", "days: Mon-Fri")
                .flatMap(n -> days(n, f.pathOf("days"), problems));
        Optional<Node> fromNode = f.required("from", "from: \"07:30\"");
        Optional<Node> toNode = f.required("to", "to: \"19:00\"");
        Optional<String> from = fromNode.flatMap(n -> time(n, f.pathOf("from"), false, problems));
        Optional<String> to = toNode.flatMap(n -> time(n, f.pathOf("to"), true, problems));
        if (days.isEmpty() || from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (from.get().equals(to.get())) {
            problems.at(toNode.get(), path + " from " + from.get() + " to " + to.get() + " is empty; for a whole day"
                    + " write from: \"00:00\" and to: \"24:00\"");
            return Optional.empty();
        }
        LocalTime end = to.get().equals(END_OF_DAY) ? LocalTime.MIDNIGHT : LocalTime.parse(to.get());
        return Optional.of(new AwakePeriod(days.get(), LocalTime.parse(from.get()), end));
    }

    private static Optional<Set<DayOfWeek>> days(Node node, String path, FileProblems problems) {
        Optional<String> text = Values.text(node, path, "'Mon-Fri'", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Days.parse(text.get()));
        } catch (Days.Invalid e) {
            problems.at(node, path + " '" + text.get() + "' is not valid: " + e.getMessage() + "; " + Days.RULE);
            return Optional.empty();
        }
    }

    private static Optional<String> time(Node node, String path, boolean isEnd, FileProblems problems) {
        Optional<String> text = Values.text(node, path, "\"07:30\"", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        if (value.equals(END_OF_DAY)) {
            if (isEnd) {
                return text;
            }
            problems.at(node, path + " may not be '24:00', the end of a day; a period that starts at midnight has"
                    + " from: \"00:00\"");
            return Optional.empty();
        }
        if (!TIME.matcher(value).matches()) {
            problems.at(node, path + " '" + value + "' is not a time; use HH:MM from 00:00 to 23:59"
                    + (isEnd ? " or 24:00 for the end of the day" : "") + ", e.g. \"07:30\"");
            return Optional.empty();
        }
        return text;
    }

    /** Two periods overlap when their minutes of the week intersect; the week wraps from Sunday to Monday. */
    private static void reportOverlaps(List<Read> periods, FileProblems problems) {
        for (int j = 1; j < periods.size(); j++) {
            for (int i = 0; i < j; i++) {
                Optional<String> clash = firstOverlap(periods.get(i).period(), periods.get(j).period());
                if (clash.isPresent()) {
                    Read earlier = periods.get(i);
                    Read later = periods.get(j);
                    problems.at(later.node(), later.path() + " overlaps " + earlier.path() + " (line "
                            + (earlier.node().getStartMark().getLine() + 1) + "): " + clash.get()
                            + " share time; awake periods must not overlap, change their days or times");
                    break;
                }
            }
        }
    }

    private static Optional<String> firstOverlap(AwakePeriod a, AwakePeriod b) {
        for (DayOfWeek dayA : DayOfWeek.values()) {
            if (!a.days().contains(dayA)) {
                continue;
            }
            for (DayOfWeek dayB : DayOfWeek.values()) {
                if (b.days().contains(dayB) && overlap(start(dayA, a), length(a), start(dayB, b), length(b))) {
                    return Optional.of(describe(dayA, a) + " and " + describe(dayB, b));
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(DayOfWeek day, AwakePeriod period) {
        String to = period.to().equals(LocalTime.MIDNIGHT) ? END_OF_DAY : period.to().toString();
        return Days.name(day) + " " + period.from() + "-" + to;
    }

    private static int start(DayOfWeek day, AwakePeriod period) {
        return day.ordinal() * 1440 + period.from().toSecondOfDay() / 60;
    }

    /** Minutes awake; {@code to == from} in the model means a whole day (00:00 to 24:00). */
    static int length(AwakePeriod period) {
        int minutes = Math.floorMod(period.to().toSecondOfDay() / 60 - period.from().toSecondOfDay() / 60, 1440);
        return minutes == 0 ? 1440 : minutes;
    }

    private static boolean overlap(int startA, int lengthA, int startB, int lengthB) {
        return Math.floorMod(startB - startA, MINUTES_PER_WEEK) < lengthA
                || Math.floorMod(startA - startB, MINUTES_PER_WEEK) < lengthB;
    }
}
