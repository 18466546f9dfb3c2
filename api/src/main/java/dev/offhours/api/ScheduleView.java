package dev.offhours.api;

import java.util.List;
import java.util.Map;

/**
 * One schedule of the applied revision, with what it does now and in the next 7 days.
 *
 * @param state           what the schedule wants now by its calendar (the calculus): AWAKE or ASLEEP; the hub's
 *                        intent may lag it, see {@code convergence}
 * @param nextTransitions transitions of the next 7 days, oldest first
 * @param timeline        awake and asleep intervals covering the next 7 days from the start of today (local)
 * @param targetsByState  inventory items bound to the schedule, by state
 * @param lastTransition  the last transition dispatched, null when none yet
 * @param convergence     what the hub's intent wants of the targets now and how far they are
 * @param quota           condition {@code QuotaHeadroom} of the latest wake wave's vCPU quota pre-flight (last 24
 *                        hours): {@code False} when it would breach a quota; null when no pre-flight ran
 */
public record ScheduleView(String name, String owner, String description, String file, String timeZone,
                           boolean suspended, boolean enforce, List<String> scopeAccounts, List<String> scopeRegions,
                           String state, List<TransitionView> nextTransitions, List<IntervalView> timeline,
                           Map<String, Long> targetsByState, LastTransitionView lastTransition,
                           ConvergenceView convergence, ConditionView quota) {

    /** Without a quota pre-flight. */
    public ScheduleView(String name, String owner, String description, String file, String timeZone,
                        boolean suspended, boolean enforce, List<String> scopeAccounts, List<String> scopeRegions,
                        String state, List<TransitionView> nextTransitions, List<IntervalView> timeline,
                        Map<String, Long> targetsByState, LastTransitionView lastTransition,
                        ConvergenceView convergence) {
        this(name, owner, description, file, timeZone, suspended, enforce, scopeAccounts, scopeRegions, state,
                nextTransitions, timeline, targetsByState, lastTransition, convergence, null);
    }

    public ScheduleView withQuota(ConditionView condition) {
        return new ScheduleView(name, owner, description, file, timeZone, suspended, enforce, scopeAccounts,
                scopeRegions, state, nextTransitions, timeline, targetsByState, lastTransition, convergence, condition);
    }
}
