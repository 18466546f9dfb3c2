package dev.offhours.reconciler.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code detail.Cause} of a native Auto Scaling instance event. AWS writes there, in a stable English
 * form, the activity that made the instance start or stop, e.g. "At 2015-11-11T21:31:00Z a user request created an
 * AutoScalingGroup changing the desired capacity from 0 to 1. At 2015-11-11T21:31:10Z an instance was started in
 * response to a difference between desired and actual capacity, increasing the capacity from 0 to 1." The last
 * "changing the desired capacity" clause gives when the desired size changed and to what, which is all the
 * inventory needs from a scaling policy or a scheduled action (nobody's API call announces those). A cause without
 * that clause, or in a form we do not know, leaves the event a plain {@link ResourceChange.Touched}.
 */
final class InstanceCause {

    private static final Pattern DESIRED_CHANGE = Pattern.compile(
            "At (\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z) [^.]*?changing the desired capacity from"
                    + " \\d+ to (\\d{1,9})");

    private InstanceCause() {
    }

    static ResourceChange change(ResourceRef ref, String cause) {
        if (cause == null) {
            return new ResourceChange.Touched(ref);
        }
        Matcher matcher = DESIRED_CHANGE.matcher(cause);
        String at = null;
        String desired = null;
        while (matcher.find()) {
            at = matcher.group(1);
            desired = matcher.group(2);
        }
        if (at == null) {
            return new ResourceChange.Touched(ref);
        }
        try {
            return new ResourceChange.ScalingActivity(ref, Instant.parse(at), Integer.parseInt(desired));
        } catch (DateTimeParseException e) {
            return new ResourceChange.Touched(ref);
        }
    }
}
