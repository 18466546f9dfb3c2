package dev.offhours.api;

/**
 * How far a schedule's targets are towards what the hub's intent wants of them now. The intent's fields are null when
 * the hub has formed none yet; the counts are null until the hub first counted the targets against it.
 *
 * @param state       what the intent wants of the targets: AWAKE or ASLEEP (AWAKE for a removed schedule)
 * @param since       the intent's instant: the transition or change that set the state
 * @param reason      why the intent exists, CamelCase: Transition, ScheduleChanged, ScheduleRemoved, Suspended,
 *                    CaughtUp
 * @param targets     targets counted against the intent
 * @param converged   targets that reached it
 * @param pending     targets still to reach it
 * @param failed      targets whose work item for it failed
 * @param checkedAt   when the targets were last counted
 * @param convergedAt when a count first found no target pending; null until then
 * @param overdue     not converged within the hub's overdueAfter of {@code since} (or the intent lags the schedule
 *                    that long)
 * @param condition   type Converged: True (reason Converged), False (NotConverged, IntentBehind once overdue) or
 *                    Unknown (Converging, IntentBehind, Suspended, NoIntentYet)
 */
public record ConvergenceView(String state, String since, String reason, Integer targets, Integer converged,
                              Integer pending, Integer failed, String checkedAt, String convergedAt, boolean overdue,
                              ConditionView condition) {
}
