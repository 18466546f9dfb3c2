package dev.offhours.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Targets run from {@code from} to {@code to} local time on each of {@code days}. When {@code to} is not after
 * {@code from} the period runs past midnight into the next day (Fri 22:00 to Sat 02:00). A period belongs to the
 * day it starts on, and lasts {@code (to - from) mod 24h}, where 0 means a whole 24 hours.
 *
 * <p>In the file, {@code to: "24:00"} means midnight at the end of the day and is stored as
 * {@link LocalTime#MIDNIGHT}: {@code 00:00}-{@code 24:00} is therefore {@code from == to == MIDNIGHT}, a whole day,
 * and {@code 07:00}-{@code 24:00} is {@code 07:00}-{@code 00:00}, 17 hours. A file that literally says
 * {@code from == to} (e.g. {@code "07:00"} to {@code "07:00"}) is rejected by the validator as an empty period.
 */
public record AwakePeriod(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public AwakePeriod {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** True when the period ends on the next local day (including a whole 24-hour period). */
    public boolean crossesMidnight() {
        return !to.isAfter(from);
    }
}
