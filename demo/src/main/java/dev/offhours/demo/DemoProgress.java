package dev.offhours.demo;


import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.Page;
import dev.offhours.reconciler.service.Hub;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Watches the demo schedule's two transitions through the hub's stores and prints a line when each is dispatched,
 * every few seconds while its work items are handled, and when every target has a final record.
 */
final class DemoProgress {

    /** What became of one transition's targets. */
    record Tally(int total, Map<OperationStatus, Integer> byStatus) {
        int finished() {
            return byStatus.entrySet().stream().filter(e -> e.getKey().isFinal()).mapToInt(Map.Entry::getValue).sum();
        }

        int count(OperationStatus status) {
            return byStatus.getOrDefault(status, 0);
        }
    }

    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Hub hub;
    private final PrintStream out;
    private final Clock clock;
    private Instant lastProgress = Instant.MIN;
    private String lastProgressText = "";

    DemoProgress(Hub hub, PrintStream out, Clock clock) {
        this.hub = hub;
        this.out = out;
        this.clock = clock;
    }

    /** How many work items the first pass of the intent at {@code transition} sent, once it ended. */
    Optional<Integer> dispatched(Instant transition) {
        return hub.stores().control().intent(DemoSchedule.NAME)
                .filter(intent -> intent.since().equals(transition) && intent.firstPassAt() != null)
                .map(intent -> intent.progress() == null ? 0 : intent.progress().targets());
    }

    /** Waits for the dispatch of {@code transition} and for a final record of every target; false on timeout. */
    boolean follow(String action, Instant transition, Instant deadline) throws InterruptedException {
        Optional<Integer> dispatch = Optional.empty();
        while (dispatch.isEmpty()) {
            if (clock.instant().isAfter(deadline)) {
                line(action + " at " + time(transition) + " was not dispatched in time; see the log");
                return false;
            }
            Thread.sleep(250);
            dispatch = dispatched(transition);
        }
        int count = dispatch.get();
        line(action + " dispatched " + count + " work items (transition " + time(transition) + ")");
        Instant started = clock.instant();
        while (true) {
            Tally tally = tally(transition);
            if (tally.finished() >= count) {
                line(action + " done: " + summary(tally) + " in "
                        + Duration.between(transition, clock.instant()).toSeconds() + " s");
                return true;
            }
            if (clock.instant().isAfter(deadline)) {
                line(action + " did not finish in time: " + summary(tally) + " of " + count);
                return false;
            }
            progress(action, tally, count, started);
            Thread.sleep(500);
        }
    }

    Tally tally(Instant transition) {
        Map<OperationStatus, Integer> byStatus = new EnumMap<>(OperationStatus.class);
        int total = 0;
        String cursor = null;
        do {
            Page<OperationRecord> page = hub.stores().history().byTransition(DemoSchedule.NAME, transition, cursor,
                    OperationHistory.MAX_PAGE);
            for (OperationRecord record : page.items()) {
                byStatus.merge(record.status(), 1, Integer::sum);
                total++;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new Tally(total, byStatus);
    }

    void line(String text) {
        out.println(time(clock.instant()) + " " + text);
    }

    private void progress(String action, Tally tally, int count, Instant started) {
        Instant now = clock.instant();
        String text = summary(tally);
        if (Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) >= 0 && !text.equals(lastProgressText)
                && now.isAfter(started.plusSeconds(1))) {
            line(action + " in progress: " + tally.finished() + " of " + count + " finished (" + text + ")");
            lastProgress = now;
            lastProgressText = text;
        }
    }

    private static String summary(Tally tally) {
        StringBuilder text = new StringBuilder();
        tally.byStatus().forEach((status, n) -> text.append(text.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        return text.length() == 0 ? "no records yet" : text.toString();
    }

    static String time(Instant instant) {
        return HH_MM_SS.format(LocalTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
