package dev.offhours.core.savings;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.Action;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Hours asleep, instance-hours avoided and their estimated cost, from the operation records: a target is asleep from
 * a SUCCEEDED SLEEP (avoiding the desired capacity it took away) until the next SUCCEEDED WAKE, or the end of the
 * window; a window that starts with a WAKE counts the target asleep from the window's start (with the capacity that
 * wake gave back). Records of other outcomes (SKIPPED: already in state, FAILED) change nothing.
 */
public final class SavingsCalculator {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private SavingsCalculator() {
    }

    /** One stretch of one target asleep. */
    record Span(String target, String schedule, Instant from, Instant to, int instances) {
    }

    /**
     * @param records      every record that may matter for {@code [from, to)}, in any order (the caller reads a
     *                     little before {@code from} to find sleeps that began earlier)
     * @param teamOf       the team (a schedule's owner) of a schedule, for the by-team lines
     */
    public static SavingsReport compute(List<OperationRecord> records, Instant from, Instant to,
                                        Function<String, String> teamOf, PriceTable prices) {
        List<Span> spans = spans(records, from, to);
        Map<String, Acc> bySchedule = new TreeMap<>();
        Map<String, Acc> byAccount = new TreeMap<>();
        Map<String, Acc> byTeam = new TreeMap<>();
        Acc total = new Acc();
        Map<LocalDate, double[]> days = new TreeMap<>();
        for (Span span : spans) {
            String account = span.target().split("#", 2)[0];
            String region = span.target().split("#", 3)[1];
            double price = prices.hourly(region, prices.assumedInstanceType()).orElse(0);
            double hours = Duration.between(span.from(), span.to()).getSeconds() / SECONDS_PER_HOUR;
            for (Acc acc : List.of(total, bySchedule.computeIfAbsent(span.schedule(), k -> new Acc()),
                    byAccount.computeIfAbsent(account, k -> new Acc()),
                    byTeam.computeIfAbsent(teamOf.apply(span.schedule()), k -> new Acc()))) {
                acc.add(span.target(), hours, hours * span.instances(), hours * span.instances() * price);
            }
            perDay(span, price, days);
        }
        List<SavingsReport.Day> dayLines = new ArrayList<>();
        days.forEach((date, v) -> dayLines.add(new SavingsReport.Day(date, round(v[0]), round(v[1]))));
        return new SavingsReport(from, to, prices.priceDate(), prices.currency(), prices.assumedInstanceType(),
                total.line("total"), lines(bySchedule), lines(byAccount), lines(byTeam), dayLines);
    }

    static List<Span> spans(List<OperationRecord> records, Instant from, Instant to) {
        Map<String, List<OperationRecord>> byTarget = new LinkedHashMap<>();
        records.stream()
                .filter(r -> r.updatedAt().isBefore(to))
                .sorted(Comparator.comparing(OperationRecord::updatedAt))
                .forEach(r -> byTarget.computeIfAbsent(r.targetKey(), k -> new ArrayList<>()).add(r));
        List<Span> spans = new ArrayList<>();
        for (List<OperationRecord> history : byTarget.values()) {
            OperationRecord sleep = null;
            boolean first = true;
            for (OperationRecord record : history) {
                if (record.status() != OperationStatus.SUCCEEDED) {
                    first = false; // what happened before this record is known: no sleep of offhours
                    continue;
                }
                if (record.action() == Action.SLEEP && sleep == null) {
                    sleep = record;
                } else if (record.action() == Action.WAKE) {
                    if (sleep != null) {
                        add(spans, sleep.targetKey(), sleep.schedule(), sleep.updatedAt(), record.updatedAt(),
                                removed(sleep.before(), sleep.after()), from, to);
                    } else if (first) {
                        add(spans, record.targetKey(), record.schedule(), from, record.updatedAt(),
                                removed(record.after(), record.before()), from, to);
                    }
                    sleep = null;
                }
                first = false;
            }
            if (sleep != null) {
                add(spans, sleep.targetKey(), sleep.schedule(), sleep.updatedAt(), to,
                        removed(sleep.before(), sleep.after()), from, to);
            }
        }
        return spans;
    }

    private static void add(List<Span> spans, String target, String schedule, Instant start, Instant end,
                            int instances, Instant from, Instant to) {
        Instant clippedStart = start.isBefore(from) ? from : start;
        Instant clippedEnd = end.isAfter(to) ? to : end;
        if (clippedStart.isBefore(clippedEnd)) {
            spans.add(new Span(target, schedule, clippedStart, clippedEnd, instances));
        }
    }

    /** Desired instances {@code awake} has above {@code asleep}; 0 when either is unknown. */
    private static int removed(Capacity awake, Capacity asleep) {
        if (awake == null || asleep == null) {
            return 0;
        }
        return Math.max(0, awake.desired() - asleep.desired());
    }

    private static void perDay(Span span, double price, Map<LocalDate, double[]> days) {
        Instant at = span.from();
        while (at.isBefore(span.to())) {
            LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
            Instant dayEnd = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant end = dayEnd.isBefore(span.to()) ? dayEnd : span.to();
            double instanceHours = Duration.between(at, end).getSeconds() / SECONDS_PER_HOUR * span.instances();
            double[] sums = days.computeIfAbsent(date, d -> new double[2]);
            sums[0] += instanceHours;
            sums[1] += instanceHours * price;
            at = end;
        }
    }

    private static List<SavingsReport.Line> lines(Map<String, Acc> accs) {
        List<SavingsReport.Line> lines = new ArrayList<>();
        accs.forEach((key, acc) -> lines.add(acc.line(key)));
        lines.sort(Comparator.comparingDouble(SavingsReport.Line::estimatedCost).reversed()
                .thenComparing(Comparator.comparingDouble(SavingsReport.Line::instanceHours).reversed())
                .thenComparing(SavingsReport.Line::key));
        return lines;
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static final class Acc {
        private final Set<String> targets = new HashSet<>();
        private double hours;
        private double instanceHours;
        private double cost;

        void add(String target, double h, double ih, double c) {
            targets.add(target);
            hours += h;
            instanceHours += ih;
            cost += c;
        }

        SavingsReport.Line line(String key) {
            return new SavingsReport.Line(key, targets.size(), round(hours), round(instanceHours), round(cost));
        }
    }

}
