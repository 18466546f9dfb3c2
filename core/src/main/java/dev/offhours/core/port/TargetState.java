package dev.offhours.core.port;

/** What the hub last knew of a target's capacity: awake, asleep, or not known (never observed, or ambiguous). */
public enum TargetState {
    AWAKE,
    ASLEEP,
    UNKNOWN
}
