package dev.offhours.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Targets run from {@code from} to {@code to} local time on each of {@code days}. When {@code to} is not after
 * {@code from} the period runs past midnight into the next day (Fri 22:00 to Sat 02:00). A period belongs to the
 * day it starts on. {@code to == from} is never valid (the validator rejects it as empty).
 */
public record AwakePeriod(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public AwakePeriod {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean crossesMidnight() {
        return !to.isAfter(from);
    }
}
