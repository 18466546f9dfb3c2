package dev.offhours.api;

/**
 * One transition of a schedule.
 *
 * @param at    instant in UTC, ISO-8601
 * @param local the same instant in the schedule's time zone, ISO-8601 with offset
 * @param state AWAKE or ASLEEP: the state the transition leads to
 */
public record TransitionView(String at, String local, String state) {
}
