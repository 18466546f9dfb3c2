package dev.offhours.core.work;

/** What a work item asks of its target at a transition. */
public enum Action {
    SLEEP,
    WAKE,
    /**
     * Run at a share of the saved awake capacity (a reduced period): from awake, asleep or another share. Never
     * overwrites a saved awake capacity.
     */
    RESIZE
}
