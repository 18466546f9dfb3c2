package dev.offhours.core.quota;

import java.util.Objects;

/**
 * One target a wake wave is about to send: from how many instances to how many, and what it launches.
 *
 * @param priority lower wakes first when a quota cannot take the whole wave (tag {@code offhours.dev/wake-priority})
 */
public record WakeDemand(String targetKey, int priority, int currentInstances, int awakeInstances, LaunchShape shape) {

    /** The priority of a target without a valid {@code offhours.dev/wake-priority} tag. */
    public static final int DEFAULT_PRIORITY = 100;

    public WakeDemand {
        Objects.requireNonNull(targetKey, "targetKey");
        Objects.requireNonNull(shape, "shape");
        currentInstances = Math.max(0, currentInstances);
        awakeInstances = Math.max(0, awakeInstances);
    }

    /** The tag's value as a priority; anything but an integer is the default. */
    public static int priorityOf(String tag) {
        if (tag == null) {
            return DEFAULT_PRIORITY;
        }
        try {
            return Integer.parseInt(tag.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_PRIORITY;
        }
    }
}
