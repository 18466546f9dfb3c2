package dev.offhours.worker.tracing;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The names of offhours' own spans and of their attributes, in one place for the hub, the worker and the docs. The
 * account and region use OpenTelemetry's cloud conventions, so a backend groups them with AWS's own spans.
 */
public final class SpanNames {

    /** The convergence loop sending one transition's work items (hub). */
    public static final String DISPATCH = "offhours.dispatch";
    /** The hub announcing that a transition finished (an event on the hub bus). */
    public static final String ANNOUNCE = "offhours.transition.finished";
    /** One work item on one target (worker: service pool or Lambda). */
    public static final String WORK = "offhours.work";
    /** One spoke event taken from the events queue (event updater). */
    public static final String EVENT = "offhours.event";
    /** The event applied to the inventory from what it carries. */
    public static final String EVENT_APPLIED = "offhours.event.applied";
    /** The event's resource read from the spoke, then applied. */
    public static final String EVENT_READ = "offhours.event.read";

    public static final AttributeKey<String> SCHEDULE = AttributeKey.stringKey("offhours.schedule");
    public static final AttributeKey<String> TRANSITION = AttributeKey.stringKey("offhours.transition");
    public static final AttributeKey<String> DESIRED_STATE = AttributeKey.stringKey("offhours.desired_state");
    public static final AttributeKey<String> TARGET = AttributeKey.stringKey("offhours.target");
    public static final AttributeKey<String> ACTION = AttributeKey.stringKey("offhours.action");
    /** The share of the saved awake capacity asked for: 0 asleep, 100 awake, 1 to 99 a reduced period (RESIZE). */
    public static final AttributeKey<Long> CAPACITY_PERCENT = AttributeKey.longKey("offhours.capacity_percent");
    public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("offhours.attempt");
    /** The operation record's status (SUCCEEDED, FAILED, SKIPPED, ...), or RETRY_LATER / REJECTED. */
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("offhours.outcome");
    public static final AttributeKey<String> REASON = AttributeKey.stringKey("offhours.reason");
    public static final AttributeKey<String> CAPACITY_BEFORE = AttributeKey.stringKey("offhours.capacity.before");
    public static final AttributeKey<String> CAPACITY_AFTER = AttributeKey.stringKey("offhours.capacity.after");
    /** The AWS error code of a failed operation (also as {@link #ERROR_TYPE}). */
    public static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("offhours.error.code");
    public static final AttributeKey<String> ERROR_MESSAGE = AttributeKey.stringKey("offhours.error.message");
    /** On an AWS call's span: the error code AWS answered with (the SDK's exception message lacks it). */
    public static final AttributeKey<String> AWS_ERROR_CODE = AttributeKey.stringKey("aws.error.code");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    public static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("cloud.account.id");
    public static final AttributeKey<String> REGION = AttributeKey.stringKey("cloud.region");
    public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    /** The event that marks a failed operation on the worker's span. */
    public static final String OPERATION_FAILED = "operation failed";

    private SpanNames() {
    }
}
