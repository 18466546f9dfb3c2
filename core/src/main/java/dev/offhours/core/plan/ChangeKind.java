package dev.offhours.core.plan;

/** What a change does to one schedule. */
public enum ChangeKind {
    ADDED,
    CHANGED,
    REMOVED
}
