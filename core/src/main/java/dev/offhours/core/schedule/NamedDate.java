package dev.offhours.core.schedule;

import java.time.LocalDate;

public record NamedDate(LocalDate date, String name) {
}
