package dev.offhours.api;

/** A capacity as min/desired/max instance counts. */
public record CapacityView(int min, int desired, int max) {
}
