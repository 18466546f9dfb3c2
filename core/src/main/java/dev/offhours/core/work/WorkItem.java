package dev.offhours.core.work;

import dev.offhours.core.schedule.AsleepCapacity;
import java.time.Instant;
import java.util.Objects;

/**
 * One message on the work queue: put one target to sleep, wake it, or resize it to a share of its saved awake capacity,
 * at one transition of one schedule.
 *
 * @param version     message format version; {@link #CURRENT_VERSION} is the only one this code reads
 * @param transition  the instant of the transition; with {@code schedule} and the target key it names the
 *                    operation record, so redeliveries land on the same record
 * @param asleep      capacity while asleep (used by SLEEP; carried on WAKE for symmetry)
 * @param revision    schedules-repository revision that produced the item, e.g. {@code main@sha1:abc}
 * @param traceparent W3C trace context of the transition, may be {@code null}
 * @param attempt     1 on the dispatcher's send; a worker that must retry sends a copy with the next attempt, so the
 *                    item counts its attempts itself (an SQS receive count restarts with every copy)
 * @param capacityPercent the share of the saved awake capacity RESIZE asks for, 1 to 99; 100 for WAKE, 0 for SLEEP
 * @param notice      a line the hub wants in the target's operation record (a quota warning of the wave), or null
 */
public record WorkItem(
        int version,
        String schedule,
        Instant transition,
        Action action,
        Target target,
        AsleepCapacity asleep,
        String revision,
        String traceparent,
        int attempt,
        int capacityPercent,
        String notice) {

    public static final int CURRENT_VERSION = 1;

    public WorkItem {
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("schedule must not be empty");
        }
        Objects.requireNonNull(transition, "transition is required");
        Objects.requireNonNull(action, "action is required (SLEEP, WAKE or RESIZE)");
        Objects.requireNonNull(target, "target is required");
        asleep = asleep == null ? AsleepCapacity.ZERO : asleep;
        revision = revision == null ? "" : revision;
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, but was " + attempt);
        }
        if (action == Action.RESIZE && (capacityPercent < 1 || capacityPercent > 99)) {
            throw new IllegalArgumentException("a RESIZE needs capacityPercent 1 to 99 (100 is a WAKE), but was "
                    + capacityPercent);
        }
        if (action != Action.RESIZE) {
            capacityPercent = action == Action.WAKE ? 100 : 0;
        }
    }

    /** Without a notice. */
    public WorkItem(int version, String schedule, Instant transition, Action action, Target target,
                    AsleepCapacity asleep, String revision, String traceparent, int attempt, int capacityPercent) {
        this(version, schedule, transition, action, target, asleep, revision, traceparent, attempt, capacityPercent,
                null);
    }

    /** A SLEEP or WAKE. */
    public WorkItem(int version, String schedule, Instant transition, Action action, Target target,
                    AsleepCapacity asleep, String revision, String traceparent, int attempt) {
        this(version, schedule, transition, action, target, asleep, revision, traceparent, attempt, 0);
    }

    /** A first attempt. */
    public WorkItem(int version, String schedule, Instant transition, Action action, Target target,
                    AsleepCapacity asleep, String revision, String traceparent) {
        this(version, schedule, transition, action, target, asleep, revision, traceparent, 1);
    }

    public WorkItem withAttempt(int next) {
        return new WorkItem(version, schedule, transition, action, target, asleep, revision, traceparent, next,
                capacityPercent, notice);
    }

    public WorkItem withNotice(String value) {
        return new WorkItem(version, schedule, transition, action, target, asleep, revision, traceparent, attempt,
                capacityPercent, value);
    }

    public static WorkItem of(String schedule, Instant transition, Action action, Target target,
                              AsleepCapacity asleep, String revision, String traceparent) {
        return new WorkItem(CURRENT_VERSION, schedule, transition, action, target, asleep, revision, traceparent);
    }

    /** A first attempt at a level: 0 is a SLEEP, 100 a WAKE, anything between a RESIZE to that share. */
    public static WorkItem atLevel(String schedule, Instant transition, int capacityPercent, Target target,
                                   AsleepCapacity asleep, String revision, String traceparent) {
        Action action = capacityPercent == 0 ? Action.SLEEP : capacityPercent >= 100 ? Action.WAKE : Action.RESIZE;
        return new WorkItem(CURRENT_VERSION, schedule, transition, action, target, asleep, revision, traceparent, 1,
                capacityPercent);
    }
}
