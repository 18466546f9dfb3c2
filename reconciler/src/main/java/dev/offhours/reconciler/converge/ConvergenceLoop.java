package dev.offhours.reconciler.converge;

import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.time.Transition;
import dev.offhours.reconciler.dispatch.AppliedRevision;
import dev.offhours.reconciler.dispatch.SendReport;
import dev.offhours.reconciler.transition.TransitionRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's level-triggered core. Each run asks, for every schedule of the applied revision and every schedule the
 * hub still holds an intent for: what should be true now, and is it? In order:
 * <ol>
 *   <li>{@link #wanted}: what the applied revision wants of the schedule at this instant;</li>
 *   <li>{@link #intentFor}: the stored intent, or a new one when it no longer says that ({@link IntentRules});</li>
 *   <li>{@link ConvergencePass}: lease, judge every target by its mark, send what is missing, count;</li>
 *   <li>{@link #logOutcome}: one line per schedule that sent anything or is behind.</li>
 * </ol>
 * Nothing here depends on having seen an edge: a hub restarted after a night offline, a transition whose dispatch
 * died half-way, a change merged in the minute of a transition and a removal while the hub was down all come out
 * of the same comparison. The reconciler hands it the schedules ({@link TransitionRegistry}); the timer only decides
 * when it runs. Runs are serialized.
 */
public final class ConvergenceLoop implements TransitionRegistry {

    /** A timer may fire a little early; a transition this close ahead counts as now. */
    private static final Duration EARLY_FIRE_TOLERANCE = Duration.ofSeconds(1);
    /** The timer key of the run right after a revision was applied (a name no schedule file can have). */
    private static final String REVISION_APPLIED = "#revision-applied";
    private static final Logger LOG = LoggerFactory.getLogger(ConvergenceLoop.class);

    private record Registered(Schedule schedule, Timeline timeline) {
    }

    private final Map<String, Registered> schedules = new ConcurrentHashMap<>();
    private final ControlStore control;
    private final ConvergencePass pass;
    private final Supplier<AppliedRevision> revision;
    private final TransitionTimer timer;
    private final ConvergenceSettings settings;
    private final Clock clock;
    private volatile boolean applied;
    private volatile Instant lastRun;

    public ConvergenceLoop(ControlStore control, ConvergencePass pass, Supplier<AppliedRevision> revision,
                           TransitionTimer timer, ConvergenceSettings settings, Clock clock) {
        this.control = control;
        this.pass = pass;
        this.revision = revision;
        this.timer = timer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the timer: the loop runs every tick and at each registered transition. */
    public void start() {
        timer.start(settings.tick(), this::runSafely);
    }

    /**
     * Stops the timer (a running pass ends first) and releases this replica's leases, so another replica or the
     * restarted process takes over at once instead of after the lease; a killed process cannot, and its leases run out.
     */
    public void stop() {
        timer.close();
        try {
            long released = control.intents().stream().filter(pass::release).count();
            if (released > 0) {
                LOG.info("released the leases of {} schedules", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not release this replica's leases; they run out within {}: {}", settings.lease(),
                    e.toString());
        }
    }

    @Override
    public void register(Schedule schedule, Timeline timeline) {
        schedules.put(schedule.name(), new Registered(schedule, timeline));
        placeWakeUp(schedule.name(), clock.instant());
    }

    @Override
    public void deregister(Schedule schedule) {
        schedules.remove(schedule.name());
        timer.cancel(schedule.name());
    }

    /** Applies one revision's registrations as a whole: a run never sees half a revision (or takes the rest for removed). */
    @Override
    public synchronized void applyAll(Runnable changes) {
        changes.run();
        applied = true;
        timer.wakeAt(REVISION_APPLIED, clock.instant());
    }

    @Override
    public Set<String> registered() {
        return Set.copyOf(schedules.keySet());
    }

    public Optional<Instant> nextWakeUp(String schedule) {
        return timer.next(schedule);
    }

    public boolean running() {
        return timer.running();
    }

    /** When the loop last ran to the end, null before. */
    public Instant lastRun() {
        return lastRun;
    }

    /** One run over every schedule; false when no revision was applied yet (nothing is known to be removed then). */
    public synchronized boolean runOnce() {
        if (!applied || revision.get().id().isEmpty()) {
            return false;
        }
        // milliseconds: an intent's instant names operation records and travels in every work item
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AppliedRevision current = revision.get();
        Map<String, ScheduleIntent> stored = new LinkedHashMap<>();
        control.intents().forEach(intent -> stored.put(intent.schedule(), intent));
        for (Registered entry : schedules.values()) {
            converge(entry.schedule().name(), entry, stored.get(entry.schedule().name()), current, now);
        }
        for (ScheduleIntent intent : stored.values()) {
            if (!schedules.containsKey(intent.schedule())) {
                converge(intent.schedule(), null, intent, current, now);
            }
        }
        lastRun = now;
        return true;
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("a convergence run failed; the next tick (within {}) tries again: {}", settings.tick(),
                    e.toString());
        }
    }

    private void converge(String name, Registered entry, ScheduleIntent stored, AppliedRevision current, Instant now) {
        try {
            Instant at = entry == null ? now : effectiveNow(entry.timeline(), now);
            Optional<ScheduleIntent> intent = intentFor(Optional.ofNullable(stored), wanted(name, entry, current, at));
            Schedule schedule = entry == null ? null : entry.schedule();
            if (intent.isEmpty() || !pass.due(intent.get(), schedule, now)) {
                return;
            }
            ConvergencePass.Result result = pass.run(intent.get(), schedule, current, now);
            logOutcome(result);
            if (entry != null) {
                placeWakeUp(name, now);
            }
        } catch (RuntimeException e) {
            LOG.warn("schedule {}: convergence failed this run, tried again within {}: {}", name, settings.tick(),
                    e.toString());
        }
    }

    private static Wanted wanted(String name, Registered entry, AppliedRevision current, Instant at) {
        return entry == null ? Wanted.removed(name, current.id(), at)
                : Wanted.of(entry.schedule(), entry.timeline(), current.accounts(), current.id(), at);
    }

    /** The stored intent when it still holds, else a new one written (a replica that wrote first wins: re-read). */
    private Optional<ScheduleIntent> intentFor(Optional<ScheduleIntent> stored, Wanted wanted) {
        Optional<ScheduleIntent> next = IntentRules.next(stored, wanted);
        if (next.isEmpty()) {
            return stored;
        }
        if (control.saveIntent(next.get())) {
            LOG.info("schedule {}: new intent {} since {} ({}, revision {})", wanted.schedule(), next.get().state(),
                    next.get().since(), next.get().reason(), wanted.revision());
            return next;
        }
        return control.intent(wanted.schedule());
    }

    private static void logOutcome(ConvergencePass.Result result) {
        ScheduleIntent intent = result.intent();
        SendReport sent = result.sent();
        if (sent.failed() > 0) {
            LOG.error("schedule {}: {} work items could not be enqueued ({}); they are sent again once the queue"
                    + " answers", intent == null ? "?" : intent.schedule(), sent.failed(), sent.errors());
        }
        if (intent == null || sent.sent() == 0) {
            return;
        }
        ScheduleIntent.Progress progress = intent.progress();
        LOG.info("schedule {} -> {} since {}: {} work items sent ({} drifted), {} of {} targets converged, {} pending,"
                        + " {} failed", intent.schedule(), intent.state(), intent.since(), sent.sent(), result.drifted(),
                progress.converged(), progress.targets(), progress.pending(), progress.failed());
    }

    private void placeWakeUp(String name, Instant now) {
        Registered entry = schedules.get(name);
        if (entry == null) {
            return;
        }
        Optional<Transition> next = entry.timeline().nextTransition(now);
        if (next.isPresent()) {
            timer.wakeAt(name, next.get().at());
        } else {
            timer.cancel(name);
        }
    }

    private static Instant effectiveNow(Timeline timeline, Instant now) {
        Optional<Transition> upcoming = timeline.nextTransition(now);
        if (upcoming.isPresent() && Duration.between(now, upcoming.get().at()).compareTo(EARLY_FIRE_TOLERANCE) <= 0) {
            return upcoming.get().at();
        }
        return now;
    }
}
