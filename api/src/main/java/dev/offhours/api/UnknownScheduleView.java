package dev.offhours.api;

import java.util.List;

/**
 * Resources whose {@code offhours.dev/schedule} tag names a schedule the applied revision does not have (a typo in
 * the tag, or a schedule not merged yet): offhours leaves them alone, and their owners should know.
 *
 * @param schedule the tag's value
 * @param targets  how many resources carry it
 * @param places   where they are, {@code <account>/<region>}, sorted
 */
public record UnknownScheduleView(String schedule, long targets, List<String> places) {
}
