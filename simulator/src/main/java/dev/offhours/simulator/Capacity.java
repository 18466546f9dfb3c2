package dev.offhours.simulator;

/** Min, desired and max size of an ASG or node group. */
public record Capacity(int min, int desired, int max) {
    @Override
    public String toString() {
        return "min=" + min + ",desired=" + desired + ",max=" + max;
    }
}
