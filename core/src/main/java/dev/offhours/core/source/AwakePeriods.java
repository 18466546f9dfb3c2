package dev.offhours.core.source;

import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.MonthDayRange;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code spec.awake}; an empty list is valid and means always asleep. A period has {@code days}, or
 * {@code monthDays} or {@code months} (then {@code days} is optional), and applies where all it has match; an
 * optional {@code capacity: "30%"} runs targets at that share of their awake capacity while it is in force. Times are {@code HH:MM} from 00:00 to 23:59; {@code to} may also be {@code 24:00}, the
 * end of the day, stored as {@link LocalTime#MIDNIGHT}. A period whose {@code to} is not after {@code from} runs
 * past midnight; a literal {@code from == to} is rejected as empty (write 00:00 to 24:00 for a whole day).
 */
final class AwakePeriods {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String END_OF_DAY = "24:00";
    private static final Pattern CAPACITY = Pattern.compile("[0-9]{1,3}%");

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
        int before = problems.count();
        boolean monthly = f.optional("monthDays").isPresent() || f.optional("months").isPresent();
        Optional<Node> daysNode = monthly ? f.optional("days") : f.required("days", "days: Mon-Fri");
        Days.Parsed days = daysNode.flatMap(n -> selector(n, f.pathOf("days"), "'Mon-Fri'", Days.RULE, Days::parse,
                problems)).orElse(new Days.Parsed(Set.of(), Set.of()));
        List<MonthDayRange> monthDays = f.optional("monthDays").flatMap(n -> selector(n, f.pathOf("monthDays"),
                "'1-15'", MonthSelectors.MONTH_DAYS_RULE, MonthSelectors::monthDays, problems)).orElse(List.of());
        Set<Month> months = f.optional("months").flatMap(n -> selector(n, f.pathOf("months"), "'Jan-Mar,Dec'",
                MonthSelectors.MONTHS_RULE, MonthSelectors::months, problems)).orElse(Set.of());
        Optional<Node> fromNode = f.required("from", "from: \"07:30\"");
        Optional<Node> toNode = f.required("to", "to: \"19:00\"");
        Optional<String> from = fromNode.flatMap(n -> time(n, f.pathOf("from"), false, problems));
        Optional<String> to = toNode.flatMap(n -> time(n, f.pathOf("to"), true, problems));
        int capacity = f.optional("capacity").flatMap(n -> capacity(n, f.pathOf("capacity"), problems))
                .orElse(AwakePeriod.FULL);
        if (problems.count() != before || from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (from.get().equals(to.get())) {
            problems.at(toNode.get(), path + " from " + from.get() + " to " + to.get() + " is empty; for a whole day"
                    + " write from: \"00:00\" and to: \"24:00\"");
            return Optional.empty();
        }
        LocalTime end = to.get().equals(END_OF_DAY) ? LocalTime.MIDNIGHT : LocalTime.parse(to.get());
        AwakePeriod period = new AwakePeriod(days.weekly(), LocalTime.parse(from.get()), end, days.nth(), monthDays,
                months, capacity);
        if (!period.weekly() && new PeriodDays(period).inCycle().isEmpty()) {
            problems.at(node, path + " applies on no day at all: no date has every one of its days, monthDays and"
                    + " months; widen one of them");
            return Optional.empty();
        }
        return Optional.of(period);
    }

    /** A share of the awake capacity, {@code "30%"}: 1% to 100%. */
    private static Optional<Integer> capacity(Node node, String path, FileProblems problems) {
        Optional<String> text = Values.text(node, path, "\"30%\"", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (CAPACITY.matcher(text.get()).matches()) {
            int percent = Integer.parseInt(text.get().substring(0, text.get().length() - 1));
            if (percent >= 1 && percent <= AwakePeriod.FULL) {
                return Optional.of(percent);
            }
        }
        problems.at(node, path + " '" + text.get() + "' is not valid; use a share of the saved awake capacity from 1%"
                + " to 100% (the default), e.g. \"30%\"");
        return Optional.empty();
    }

    /** Parses a selector text; the reason it is invalid becomes a problem. */
    interface SelectorParser<T> {
        T parse(String text) throws Days.Invalid;
    }

    private static <T> Optional<T> selector(Node node, String path, String example, String rule,
            SelectorParser<T> parser, FileProblems problems) {
        Optional<String> text = Values.text(node, path, example, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(text.get()));
        } catch (Days.Invalid e) {
            problems.at(node, path + " '" + text.get() + "' is not valid: " + e.getMessage() + "; " + rule);
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

    private static void reportOverlaps(List<Read> periods, FileProblems problems) {
        for (int j = 1; j < periods.size(); j++) {
            for (int i = 0; i < j; i++) {
                Optional<String> clash = PeriodOverlaps.firstOverlap(periods.get(i).period(), periods.get(j).period());
                if (clash.isPresent()) {
                    Read earlier = periods.get(i);
                    Read later = periods.get(j);
                    problems.at(later.node(), later.path() + " overlaps " + earlier.path() + " (line "
                            + (earlier.node().getStartMark().getLine() + 1) + "): " + clash.get()
                            + "; awake periods must not overlap, change their days or times");
                    break;
                }
            }
        }
    }
}
