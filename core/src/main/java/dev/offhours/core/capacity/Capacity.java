package dev.offhours.core.capacity;

/** Scaling bounds of an ASG or node group. Always {@code 0 <= min <= desired <= max}, as AWS demands. */
public record Capacity(int min, int desired, int max) {

    public Capacity {
        if (min < 0 || desired < 0 || max < 0) {
            throw new IllegalArgumentException("capacity must not be negative, but was " + format(min, desired, max));
        }
        if (min > desired || desired > max) {
            throw new IllegalArgumentException("capacity must satisfy min <= desired <= max, but was "
                    + format(min, desired, max));
        }
    }

    public boolean isZero() {
        return min == 0 && desired == 0 && max == 0;
    }

    /** The tag form {@code min=2,desired=3,max=10}. */
    @Override
    public String toString() {
        return format(min, desired, max);
    }

    private static String format(int min, int desired, int max) {
        return "min=" + min + ",desired=" + desired + ",max=" + max;
    }
}
