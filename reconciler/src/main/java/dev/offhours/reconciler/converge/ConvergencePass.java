package dev.offhours.reconciler.converge;

import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.WorkItem;
import dev.offhours.reconciler.converge.TargetRules.Judgement;
import dev.offhours.reconciler.converge.TargetRules.Verdict;
import dev.offhours.reconciler.dispatch.AppliedRevision;
import dev.offhours.reconciler.dispatch.ScopeFilter;
import dev.offhours.reconciler.dispatch.SendReport;
import dev.offhours.reconciler.dispatch.WorkQueue;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One look at one schedule's intent: take its lease, walk its targets page by page (the {@code bySchedule} index,
 * never a scan), judge each against the intent ({@link TargetRules}), send work items to those that need one, and
 * write the count back. Sending happens in three cases: the first pass of an intent (resumable: the cursor is saved
 * after each page, so a replica that dies mid-way leaves the rest to the next lease holder), a resend of still
 * pending targets once {@link ConvergenceSettings#resendAfter()} has passed since the last send (a message lost by a
 * crash or a queue outage), and an enforce sweep of drifted targets once per sweep bucket.
 */
public final class ConvergencePass {

    /** What a pass did: the intent as written last, or null when the pass could not take or keep the lease. */
    record Result(ScheduleIntent intent, SendReport sent, int drifted) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConvergencePass.class);

    /** Resend periods after which pending targets get their item again even while the queue is busy. */
    static final int RESEND_HARD_LIMIT = 12;
    /** Failed targets an announcement lists by name; the rest are counted. */
    public static final int ANNOUNCED_FAILURES = 50;

    private final ControlStore control;
    private final InventoryStore inventory;
    private final WorkQueue queue;
    private final ConvergenceSettings settings;
    private final String owner;
    private final TransitionAnnouncer announcer;
    private final TransitionSpans spans;
    private final WakeGate wakeGate;

    public ConvergencePass(ControlStore control, InventoryStore inventory, WorkQueue queue, ConvergenceSettings settings,
                    String owner) {
        this(control, inventory, queue, settings, owner, TransitionAnnouncer.NONE);
    }

    public ConvergencePass(ControlStore control, InventoryStore inventory, WorkQueue queue, ConvergenceSettings settings,
                    String owner, TransitionAnnouncer announcer) {
        this(control, inventory, queue, settings, owner, announcer, TransitionSpans.OFF, WakeGate.NONE);
    }

    /**
     * @param spans    the transition's trace: a dispatch span per pass that sends, the announcement
     * @param wakeGate looks at each wake wave before its first pass sends it (the vCPU quota pre-flight)
     */
    public ConvergencePass(ControlStore control, InventoryStore inventory, WorkQueue queue, ConvergenceSettings settings,
                    String owner, TransitionAnnouncer announcer, TransitionSpans spans, WakeGate wakeGate) {
        this.spans = Objects.requireNonNull(spans, "spans");
        this.wakeGate = Objects.requireNonNull(wakeGate, "wakeGate");
        this.announcer = Objects.requireNonNull(announcer, "announcer");
        this.control = Objects.requireNonNull(control, "control");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /**
     * @param schedule the schedule of the applied revision, null when it was removed
     */
    Result run(ScheduleIntent intent, Schedule schedule, AppliedRevision revision, Instant now) {
        ScheduleIntent held = lease(intent, now);
        if (held == null) {
            return new Result(null, SendReport.NOTHING, 0);
        }
        Walk walk = new Walk(held, schedule, revision, now);
        return walk.run();
    }

    /** The intent with this replica's lease renewed, or null when another replica holds it or wrote first. */
    private ScheduleIntent lease(ScheduleIntent intent, Instant now) {
        if (!intent.leasableBy(owner, now)) {
            return null;
        }
        ScheduleIntent leased = intent.withLease(new ScheduleIntent.Lease(owner, now.plus(settings.lease())));
        return control.saveIntent(leased) ? leased : null;
    }

    /** Gives up this replica's lease on {@code intent}, if it holds one (a clean stop hands over at once). */
    boolean release(ScheduleIntent intent) {
        return intent.lease() != null && intent.lease().owner().equals(owner) && control.saveIntent(intent.withLease(null));
    }

    boolean due(ScheduleIntent intent, Schedule schedule, Instant now) {
        if (intent.suspended()) {
            return false;
        }
        boolean enforce = schedule != null && schedule.enforce();
        boolean working = intent.firstPassAt() == null || intent.progress() == null
                || intent.progress().pending() > 0 || intent.lastSendAt() == null;
        // settled (converged, or only failures left whose records say why): counted again every resendAfter
        return working || enforce || !intent.progress().checkedAt().plus(settings.resendAfter()).isAfter(now);
    }

    /**
     * Pending targets get their item again once {@code resendAfter} has passed and the work queue is quiet (its
     * items may still be waiting behind slow workers until then; quiet is no message at all, so bundles, which make
     * the queue's message count smaller than its item count, do not change it), or in any case after
     * {@link #RESEND_HARD_LIMIT} resend periods.
     */
    private boolean resendDue(Instant lastSend, Instant now) {
        if (lastSend.plus(settings.resendAfter()).isAfter(now)) {
            return false;
        }
        return !lastSend.plus(settings.resendAfter().multipliedBy(RESEND_HARD_LIMIT)).isAfter(now)
                || queue.backlog().orElse(0) == 0;
    }

    /** The state of one walk over a schedule's targets. */
    private final class Walk {
        private final Schedule schedule;
        private final AppliedRevision revision;
        private final Instant now;
        private final Predicate<InventoryItem> inScope;
        private final boolean firstPass;
        private final boolean resend;
        private final Instant sweepAt;
        private Span dispatch;
        private String traceparent;
        private ScheduleIntent.Progress counted;
        private ScheduleIntent intent;
        private boolean sending;
        private SendReport sent = SendReport.NOTHING;
        private int targets;
        private int converged;
        private int pending;
        private int failed;
        private int drifted;
        private final List<InventoryItem> failedItems = new ArrayList<>();
        private WakeGate.Plan plan = WakeGate.Plan.NONE;

        Walk(ScheduleIntent intent, Schedule schedule, AppliedRevision revision, Instant now) {
            this.intent = intent;
            this.schedule = schedule;
            this.revision = revision;
            this.now = now;
            ScopeFilter scope = schedule == null ? null : ScopeFilter.of(schedule.scope(), revision.accounts());
            this.inScope = item -> scope != null && scope.test(item.target())
                    && revision.accounts().byAliasOrId(item.target().account()).isPresent();
            this.firstPass = intent.firstPassAt() == null;
            this.resend = !firstPass && (intent.lastSendAt() == null || resendDue(intent.lastSendAt(), now));
            Instant bucket = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(),
                    settings.sweepEvery().toSeconds()) * settings.sweepEvery().toSeconds());
            this.sweepAt = bucket.isAfter(intent.since()) ? bucket : null;
            this.sending = !firstPass || intent.cursor() == null;
        }

        Result run() {
            try {
                return walk();
            } finally {
                if (dispatch != null) {
                    TransitionSpans.endDispatch(dispatch, counted, drifted, sent);
                }
            }
        }

        private Result walk() {
            if (firstPass && intent.state() == PowerState.AWAKE && wakeGate.enabled() && plan == WakeGate.Plan.NONE) {
                plan = preflight();
            }
            String cursor = null;
            do {
                if (firstPass && !sending && Objects.equals(cursor, intent.cursor())) {
                    sending = true; // resumed where the previous lease holder stopped
                }
                Page<InventoryItem> page = inventory.bySchedule(intent.schedule(), cursor, settings.pageSize());
                List<WorkItem> work = judge(page.items());
                if (!work.isEmpty()) {
                    try (Scope ignored = dispatch.makeCurrent()) {
                        sent = sent.plus(queue.sendAll(work));
                    }
                }
                cursor = page.nextCursor();
                if (firstPass && sending && !work.isEmpty() && cursor != null) {
                    if (!save(intent.withPass(cursor, null, now))) {
                        return new Result(null, sent, drifted);
                    }
                }
            } while (cursor != null);
            if (firstPass && !sending) {
                // the saved cursor no longer names a page (the inventory changed): send everything once more
                return resendAll();
            }
            // items the queue did not take are sent again at the next tick, not a whole resend period later
            Instant lastSend = sent.failed() > 0 ? null : firstPass || resend ? now : intent.lastSendAt();
            ScheduleIntent passed = intent.withPass(null, firstPass ? now : intent.firstPassAt(), lastSend);
            boolean done = pending == 0 && failed == 0;
            Instant convergedAt = done ? (intent.converged() ? intent.convergedAt() : now) : null;
            ScheduleIntent.Progress progress = new ScheduleIntent.Progress(targets, converged, pending, failed, now);
            counted = progress;
            boolean announce = announcer.enabled() && !intent.announced() && !intent.suspended() && targets > 0
                    && pending == 0;
            ScheduleIntent counted = new ScheduleIntent(passed.schedule(), passed.state(), passed.since(),
                    passed.reason(), passed.fingerprint(), passed.revision(), passed.lease(), passed.cursor(),
                    passed.firstPassAt(), passed.lastSendAt(), progress, convergedAt,
                    announce ? now : intent.announcedAt(), passed.version(), passed.capacityPercent());
            if (!save(counted)) {
                return new Result(null, sent, drifted);
            }
            if (announce) {
                announce(progress);
            }
            return new Result(intent, sent, drifted);
        }

        /**
         * The count that claimed the announcement is written; a failed delivery takes the claim back, so the next
         * count (within {@code resendAfter}) tries again. A crash between the two loses this one announcement:
         * once at most, never twice.
         */
        private void announce(ScheduleIntent.Progress progress) {
            boolean delivered;
            try {
                delivered = announcer.announce(intent, List.copyOf(failedItems),
                        Math.max(0, failed - failedItems.size()));
            } catch (RuntimeException e) {
                delivered = false;
            }
            spans.announced(intent, progress, delivered);
            if (!delivered) {
                save(intent.withAnnouncedAt(null));
            }
        }

        private Result resendAll() {
            sending = true;
            targets = converged = pending = failed = drifted = 0;
            failedItems.clear();
            ScheduleIntent restart = intent.withPass(null, null, intent.lastSendAt());
            if (!save(restart)) {
                return new Result(null, sent, drifted);
            }
            return walk();
        }

        /**
         * The wake gate's plan for the targets this first pass will send: read once over every page before any is
         * sent, so that a wave the quotas cannot take is known before it starts. A gate that fails sends the wave
         * unchanged.
         */
        private WakeGate.Plan preflight() {
            boolean enforce = schedule != null && schedule.enforce();
            List<InventoryItem> toWake = new ArrayList<>();
            String cursor = null;
            do {
                Page<InventoryItem> page = inventory.bySchedule(intent.schedule(), cursor, settings.pageSize());
                for (InventoryItem item : page.items()) {
                    Judgement judgement = TargetRules.judge(intent, item, inScope, enforce, settings.sweepSettle(), now);
                    if (judgement.verdict() == Verdict.SEND && judgement.action() == Action.WAKE) {
                        toWake.add(item);
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            try {
                return toWake.isEmpty() ? WakeGate.Plan.NONE : wakeGate.plan(intent, toWake, now);
            } catch (RuntimeException e) {
                LOG.warn("the wake pre-flight of {} failed ({}); the wave is sent unchecked", intent.schedule(),
                        e.toString());
                return WakeGate.Plan.NONE;
            }
        }

        /** A target the plan leaves asleep, recorded FAILED with the plan's reason; false when it is sent after all. */
        private boolean refused(InventoryItem item, Judgement judgement) {
            String reason = plan.refusals().get(item.targetKey());
            return reason != null && judgement.verdict() == Verdict.SEND && sending && firstPass
                    && wakeGate.refuse(intent, item, reason, now);
        }

        private List<WorkItem> judge(List<InventoryItem> items) {
            boolean enforce = schedule != null && schedule.enforce();
            List<WorkItem> work = new ArrayList<>();
            for (InventoryItem item : items) {
                Judgement judgement = TargetRules.judge(intent, item, inScope, enforce, settings.sweepSettle(), now);
                if (refused(item, judgement)) {
                    judgement = new Judgement(Verdict.FAILED, judgement.action(), judgement.capacityPercent());
                }
                count(judgement.verdict());
                if (judgement.verdict() == Verdict.FAILED && failedItems.size() < ANNOUNCED_FAILURES) {
                    failedItems.add(item);
                }
                if (judgement.verdict() == Verdict.SEND && sending && (firstPass || resend)) {
                    work.add(workItem(item, judgement, intent.since()));
                } else if (corrects(judgement.verdict()) && sweepAt != null
                        && item.intent().transition().isBefore(sweepAt)) {
                    // a correction within the intent carries the sweep bucket: newer than the mark, same on replicas
                    drifted++;
                    work.add(workItem(item, judgement, sweepAt));
                }
            }
            return work;
        }

        private static boolean corrects(Verdict verdict) {
            return verdict == Verdict.DRIFTED || verdict == Verdict.HAND_BACK;
        }

        private void count(Verdict verdict) {
            switch (verdict) {
                case SEND, IN_FLIGHT, HAND_BACK -> pending++;
                case CONVERGED, DRIFTED -> converged++;
                case FAILED -> failed++;
                case IGNORED -> {
                    return;
                }
            }
            targets++;
        }

        private WorkItem workItem(InventoryItem item, Judgement judgement, Instant transition) {
            AsleepCapacity asleep = schedule == null ? AsleepCapacity.ZERO : schedule.asleep();
            return new WorkItem(WorkItem.CURRENT_VERSION, intent.schedule(), transition, judgement.action(),
                    item.target(), asleep, revision.id(), traceparent(), 1, judgement.capacityPercent())
                    .withNotice(plan.notices().get(item.targetKey()));
        }

        /** The pass's dispatch span, started with its first work item; its traceparent goes into every item. */
        private String traceparent() {
            if (dispatch == null) {
                dispatch = spans.startDispatch(intent, firstPass ? "first" : resend ? "resend" : "sweep");
                traceparent = spans.traceparent(dispatch, intent);
            }
            return traceparent;
        }

        private boolean save(ScheduleIntent next) {
            if (!control.saveIntent(next)) {
                return false;
            }
            intent = next;
            return true;
        }
    }
}
