package dev.offhours.core.schedule;

import java.util.List;
import java.util.Optional;

/**
 * A {@code calendars/<name>.yaml} document: named dates, plus optionally the public holidays of a country
 * (ISO 3166-1 alpha-2, e.g. {@code de}) and subdivision (e.g. {@code by}) for any year asked.
 */
public record HolidayCalendar(
        String name,
        String description,
        List<NamedDate> dates,
        Optional<String> country,
        Optional<String> subdivision,
        String file) {

    public HolidayCalendar {
        description = description == null ? "" : description;
        dates = List.copyOf(dates);
        file = file == null ? "" : file;
    }
}
