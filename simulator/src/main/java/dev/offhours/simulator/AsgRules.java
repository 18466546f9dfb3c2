package dev.offhours.simulator;

/** EC2 Auto Scaling's validation of sizes (moto accepts all of these; AWS does not). */
final class AsgRules {
    private AsgRules() {
    }

    /**
     * The capacity after UpdateAutoScalingGroup. Without an explicit desired capacity AWS moves the current one
     * into the new bounds; with one, it must lie within them.
     */
    static Capacity update(Capacity current, Integer minSize, Integer desired, Integer maxSize) {
        requireNonNegative(minSize, "minSize");
        requireNonNegative(maxSize, "maxSize");
        requireNonNegative(desired, "desiredCapacity");
        int min = minSize != null ? minSize : current.min();
        int max = maxSize != null ? maxSize : current.max();
        if (min > max) {
            throw AwsErrors.asgValidation("Max bound, " + max + ", must be greater than or equal to min bound, " + min);
        }
        if (desired == null) {
            return new Capacity(min, Math.max(min, Math.min(max, current.desired())), max);
        }
        if (desired < min || desired > max) {
            throw AwsErrors.asgValidation("Desired capacity:" + desired + " must be between the specified min size:"
                    + min + " and max size:" + max);
        }
        return new Capacity(min, desired, max);
    }

    static Capacity setDesired(Capacity current, Integer desired) {
        if (desired == null) {
            throw AwsErrors.asgValidation(
                    "1 validation error detected: Value null at 'desiredCapacity' failed to satisfy constraint: "
                            + "Member must not be null");
        }
        requireNonNegative(desired, "desiredCapacity");
        if (desired > current.max()) {
            throw AwsErrors.asgValidation("New SetDesiredCapacity value " + desired + " is above max value "
                    + current.max() + " for the AutoScalingGroup.");
        }
        if (desired < current.min()) {
            throw AwsErrors.asgValidation("New SetDesiredCapacity value " + desired + " is below min value "
                    + current.min() + " for the AutoScalingGroup.");
        }
        return new Capacity(current.min(), desired, current.max());
    }

    private static void requireNonNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw AwsErrors.asgValidation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }
    }
}
