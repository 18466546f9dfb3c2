package dev.offhours.core.port;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.offhours.core.time.PowerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one schedule wants of its targets now, and how far the fleet has come: the hub's level-triggered memory of a
 * schedule (one item per schedule in the control table). A new intent replaces the old one whenever the desired state
 * or what decides each target's action changes; its {@code since} is the instant every work item of it carries, so
 * the worker can tell an older item from a newer one.
 *
 * @param state       what in-scope targets of an onboarded account should be; AWAKE for a removed schedule
 * @param since       the intent instant: the scheduled transition that set the state, or the moment a change to the
 *                    schedule (keepAwake, suspend, scope, asleep shape, accounts, removal) changed what targets
 *                    should be
 * @param reason      CamelCase, why this intent exists: {@link #TRANSITION}, {@link #SCHEDULE_CHANGED},
 *                    {@link #SCHEDULE_REMOVED}, {@link #SUSPENDED}, {@link #CAUGHT_UP}
 * @param fingerprint what besides the state decides each target's action (asleep shape, scope, suspend, onboarded
 *                    accounts); a change of it makes a new intent
 * @param revision    the schedules revision that produced it, e.g. {@code main@sha1:<hash>}
 * @param lease       the replica working on it and until when; null when none
 * @param cursor      where the first sending pass stopped (a crash resumes there); null before it starts and after
 *                    it ends
 * @param firstPassAt when every target had been sent its work item once; null until then
 * @param lastSendAt  when pending targets were last sent work items
 * @param progress    the last count of the schedule's targets against this intent; null before the first
 * @param convergedAt when a count first found no target pending; null until then
 * @param announcedAt when the pass that found the intent finished (no target pending) announced it on the hub bus;
 *                    written with that count, so each intent is announced once whatever replica or restart counts
 *                    it again; null until then, and for intents that are never announced
 * @param version     1 for the first intent of a schedule, +1 per write (writes are conditional on it)
 * @param capacityPercent the share of the saved awake capacity in-scope targets should run at: 100 when AWAKE at full
 *                    capacity, 1 to 99 in a reduced period, 0 when ASLEEP (an intent stored before reduced periods
 *                    existed reads as 100 when AWAKE)
 */
public record ScheduleIntent(String schedule, PowerState state, Instant since, String reason, String fingerprint,
                             String revision, Lease lease, String cursor, Instant firstPassAt, Instant lastSendAt,
                             Progress progress, Instant convergedAt, Instant announcedAt, long version,
                             int capacityPercent) {

    public static final String TRANSITION = "Transition";
    public static final String SCHEDULE_CHANGED = "ScheduleChanged";
    public static final String SCHEDULE_REMOVED = "ScheduleRemoved";
    public static final String SUSPENDED = "Suspended";
    /** The hub found no intent for a schedule (first start, or a new schedule): the current state, from now. */
    public static final String CAUGHT_UP = "CaughtUp";

    @JsonCreator
    public ScheduleIntent {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
        fingerprint = fingerprint == null ? "" : fingerprint;
        revision = revision == null ? "" : revision;
        if (version < 1) {
            throw new IllegalArgumentException("an intent's version starts at 1, but was " + version);
        }
        if (state == PowerState.ASLEEP) {
            capacityPercent = 0;
        } else if (capacityPercent < 1 || capacityPercent > 100) {
            capacityPercent = 100;
        }
    }


    /** Who works on an intent: one replica at a time, until {@code until}; a replica that dies lets it run out. */
    public record Lease(String owner, Instant until) {
        public Lease {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * The schedule's targets counted against the intent.
     *
     * @param targets   in-scope targets, plus out-of-scope ones being handed back awake
     * @param converged targets whose intent mark covers this intent with SUCCEEDED, SKIPPED or SUPERSEDED
     * @param pending   targets still to reach it (no mark yet, an older mark, or a worker on it)
     * @param failed    targets whose work item for it ended FAILED (the worker gave up; the record says why)
     */
    public record Progress(int targets, int converged, int pending, int failed, Instant checkedAt) {
        public Progress {
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }

    public static ScheduleIntent first(String schedule, PowerState state, Instant since, String reason,
                                       String fingerprint, String revision) {
        return first(schedule, state, 100, since, reason, fingerprint, revision);
    }

    public static ScheduleIntent first(String schedule, PowerState state, int capacityPercent, Instant since,
                                       String reason, String fingerprint, String revision) {
        return new ScheduleIntent(schedule, state, since, reason, fingerprint, revision, null, null, null, null, null,
                null, null, 1, capacityPercent);
    }

    /** The next intent of this schedule: new state, instant and reason; nothing of this one's progress carried. */
    public ScheduleIntent next(PowerState state, Instant since, String reason, String fingerprint, String revision) {
        return next(state, 100, since, reason, fingerprint, revision);
    }

    /** The next intent, at a share of the awake capacity when AWAKE. */
    public ScheduleIntent next(PowerState state, int capacityPercent, Instant since, String reason, String fingerprint,
                               String revision) {
        return new ScheduleIntent(schedule, state, since, reason, fingerprint, revision, lease, null, null, null, null,
                null, null, version + 1, capacityPercent);
    }

    /** Awake below full capacity. */
    public boolean reduced() {
        return state == PowerState.AWAKE && capacityPercent < 100;
    }

    public boolean suspended() {
        return SUSPENDED.equals(reason);
    }

    public boolean removed() {
        return SCHEDULE_REMOVED.equals(reason);
    }

    public boolean converged() {
        return convergedAt != null;
    }

    /** True when {@code owner} may work on the intent at {@code now}: nobody holds it, it is theirs, or it ran out. */
    public boolean leasableBy(String owner, Instant now) {
        return lease == null || lease.owner().equals(owner) || !lease.until().isAfter(now);
    }

    /** True when not converged {@code within} after {@code since} (what makes a {@code Converged=False}). */
    public boolean overdue(Instant now, Duration within) {
        return !suspended() && !converged() && since.plus(within).isBefore(now);
    }

    public ScheduleIntent withLease(Lease lease) {
        return new ScheduleIntent(schedule, state, since, reason, fingerprint, revision, lease, cursor, firstPassAt,
                lastSendAt, progress, convergedAt, announcedAt, version + 1, capacityPercent);
    }

    public ScheduleIntent withPass(String cursor, Instant firstPassAt, Instant lastSendAt) {
        return new ScheduleIntent(schedule, state, since, reason, fingerprint, revision, lease, cursor, firstPassAt,
                lastSendAt, progress, convergedAt, announcedAt, version + 1, capacityPercent);
    }

    /** No target pending any more: every target reached the intent or failed at it (the moment to announce it). */
    public boolean finished() {
        return progress != null && progress.targets() > 0 && progress.pending() == 0;
    }

    public boolean announced() {
        return announcedAt != null;
    }

    public ScheduleIntent withAnnouncedAt(Instant announcedAt) {
        return new ScheduleIntent(schedule, state, since, reason, fingerprint, revision, lease, cursor, firstPassAt,
                lastSendAt, progress, convergedAt, announcedAt, version + 1, capacityPercent);
    }

    public ScheduleIntent withProgress(Progress progress, Instant convergedAt) {
        return new ScheduleIntent(schedule, state, since, reason, fingerprint, revision, lease, cursor, firstPassAt,
                lastSendAt, progress, convergedAt, announcedAt, version + 1, capacityPercent);
    }
}
