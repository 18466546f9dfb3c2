package dev.offhours.core.calendar;

import java.time.LocalDate;
import java.util.Optional;

/** Tells whether a local date is a whole day asleep, and why. Implementations are thread-safe. */
public interface HolidaySource {

    /** The holiday's name when {@code date} is a holiday. */
    Optional<String> holidayOn(LocalDate date);

    static HolidaySource none() {
        return date -> Optional.empty();
    }
}
