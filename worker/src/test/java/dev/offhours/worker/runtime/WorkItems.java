package dev.offhours.worker.runtime;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.MalformedWorkItemException;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.worker.Outcome;
import dev.offhours.worker.ReceivedMessage;
import dev.offhours.worker.WorkItemHandler;
import java.time.Instant;
import java.util.function.Function;

/** Work-item bodies for runtime tests, and a handler that decodes them the way the real worker does. */
public final class WorkItems {

    public static final WorkItemCodec CODEC = new WorkItemCodec();
    public static final String UNKNOWN_VERSION = "{\"version\":99,\"schedule\":\"office-hours\","
            + "\"transition\":\"2026-03-02T17:00:00Z\",\"action\":\"SLEEP\"}";
    public static final String NOT_JSON = "sleep everything now";

    private WorkItems() {
    }

    /** A valid SLEEP item whose schedule name tells the test handler what to answer. */
    public static String body(String schedule, String asgName) {
        return CODEC.encode(WorkItem.of(schedule, Instant.parse("2026-03-02T17:00:00Z"), Action.SLEEP,
                Target.asg("111111111111", "eu-west-1", asgName), AsleepCapacity.ZERO, "main@sha1:abc", null));
    }

    /** Rejects what the codec cannot read, as the real worker does; otherwise answers {@code onItem}. */
    public static WorkItemHandler decoding(Function<WorkItem, Outcome> onItem) {
        return (ReceivedMessage message) -> {
            WorkItem item;
            try {
                item = CODEC.decode(message.body());
            } catch (MalformedWorkItemException e) {
                return Outcome.reject(e.getMessage());
            }
            return onItem.apply(item);
        };
    }
}
