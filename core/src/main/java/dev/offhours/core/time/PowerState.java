package dev.offhours.core.time;

/** What a schedule wants of its targets at an instant. */
public enum PowerState {
    AWAKE,
    ASLEEP
}
