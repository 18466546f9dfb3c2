package dev.offhours.reconciler.dispatch;

import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code enforce: true} drift sweep: every {@code interval}, each enforcing schedule's targets whose known state
 * differs from what the schedule wants now get a work item. Replicas share the work by bucket: the sweep of one
 * schedule is claimed as {@code <schedule>#sweep} at the start of the interval-aligned bucket (epoch-aligned, so all
 * replicas compute the same bucket), and only the first claimer sweeps it.
 *
 * <p>A schedule whose last transition is younger than {@code settle} is left alone: its work items are still in
 * flight and the inventory has not caught up yet; sweeping then would send every target a second item.
 */
public final class DriftSweep {

    private static final Logger LOG = LoggerFactory.getLogger(DriftSweep.class);

    private final Dispatcher dispatcher;
    private final Supplier<Revision> revision;
    private final Duration interval;
    private final Duration settle;

    public DriftSweep(Dispatcher dispatcher, Supplier<Revision> revision, Duration interval, Duration settle) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.revision = Objects.requireNonNull(revision, "revision");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || settle.isNegative()) {
            throw new IllegalArgumentException("the sweep interval must be at least 1 second and settle not negative,"
                    + " but were " + interval + " and " + settle);
        }
        this.interval = interval;
        this.settle = settle;
    }

    public Duration interval() {
        return interval;
    }

    /** Sweeps every enforcing, unsuspended schedule of {@code schedules} as of {@code now}. */
    public List<DispatchResult> run(Collection<ScheduledTimeline> schedules, Instant now) {
        Instant bucket = bucketOf(now);
        List<DispatchResult> results = new ArrayList<>();
        for (ScheduledTimeline entry : schedules) {
            if (!entry.schedule().enforce() || entry.schedule().suspend() || settling(entry, now)) {
                continue;
            }
            try {
                PowerState desired = entry.timeline().stateAt(now);
                results.add(dispatcher.sweep(entry.schedule(), bucket, desired, revision.get()));
            } catch (RuntimeException e) {
                LOG.warn("drift sweep of schedule {} failed; the next sweep tries again: {}", entry.name(),
                        e.toString());
            }
        }
        return results;
    }

    Instant bucketOf(Instant now) {
        long seconds = interval.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }

    private boolean settling(ScheduledTimeline entry, Instant now) {
        Optional<Transition> last = entry.timeline().lastTransition(now);
        return last.isPresent() && last.get().at().plus(settle).isAfter(now);
    }
}
