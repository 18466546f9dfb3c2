package dev.offhours.core.work;

/** What a work item asks of its target at a transition. */
public enum Action {
    SLEEP,
    WAKE
}
