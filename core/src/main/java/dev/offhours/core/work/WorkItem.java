package dev.offhours.core.work;

import dev.offhours.core.schedule.AsleepCapacity;
import java.time.Instant;
import java.util.Objects;

/**
 * One message on the work queue: put one target to sleep or wake it at one transition of one schedule.
 *
 * @param version     message format version; {@link #CURRENT_VERSION} is the only one this code reads
 * @param transition  the instant of the transition; with {@code schedule} and the target key it names the
 *                    operation record, so redeliveries land on the same record
 * @param asleep      capacity while asleep (used by SLEEP; carried on WAKE for symmetry)
 * @param revision    schedules-repository revision that produced the item, e.g. {@code main@sha1:abc}
 * @param traceparent W3C trace context of the transition, may be {@code null}
 * @param attempt     1 on the dispatcher's send; a worker that must retry sends a copy with the next attempt, so the
 *                    item counts its attempts itself (an SQS receive count restarts with every copy)
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
        String notice) {

    public static final int CURRENT_VERSION = 1;

    public WorkItem {
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("schedule must not be empty");
        }
        Objects.requireNonNull(transition, "transition is required");
        Objects.requireNonNull(action, "action is required (SLEEP or WAKE)");
        Objects.requireNonNull(target, "target is required");
        asleep = asleep == null ? AsleepCapacity.ZERO : asleep;
        revision = revision == null ? "" : revision;
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, but was " + attempt);
        }
    }

    /** Without a notice. */
    public WorkItem(int version, String schedule, Instant transition, Action action, Target target,
                    AsleepCapacity asleep, String revision, String traceparent, int attempt) {
        this(version, schedule, transition, action, target, asleep, revision, traceparent, attempt, null);
    }

    /** A first attempt. */
    public WorkItem(int version, String schedule, Instant transition, Action action, Target target,
                    AsleepCapacity asleep, String revision, String traceparent) {
        this(version, schedule, transition, action, target, asleep, revision, traceparent, 1);
    }

    public WorkItem withAttempt(int next) {
        return new WorkItem(version, schedule, transition, action, target, asleep, revision, traceparent, next, notice);
    }

    public WorkItem withNotice(String value) {
        return new WorkItem(version, schedule, transition, action, target, asleep, revision, traceparent, attempt, value);
    }

    public static WorkItem of(String schedule, Instant transition, Action action, Target target,
                              AsleepCapacity asleep, String revision, String traceparent) {
        return new WorkItem(CURRENT_VERSION, schedule, transition, action, target, asleep, revision, traceparent);
    }
}
