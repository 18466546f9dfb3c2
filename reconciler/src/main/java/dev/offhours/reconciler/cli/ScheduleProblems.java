package dev.offhours.reconciler.cli;

import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.source.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A repository's problems split by one schedule: those in its own file or in what it uses (its calendars, the
 * account registry, a name it shares with another file), which make describing it wrong, and all the others.
 */
record ScheduleProblems(List<Problem> own, List<Problem> others) {

    static ScheduleProblems of(Schedule schedule, List<Problem> problems) {
        Set<String> used = new HashSet<>();
        used.add(schedule.file());
        used.add(RepositoryLayout.ACCOUNTS);
        schedule.calendars().forEach(calendar -> used.add("calendars/" + calendar + ".yaml"));
        String quotedName = "'" + schedule.name() + "'";
        Map<Boolean, List<Problem>> split = problems.stream().collect(Collectors.partitioningBy(
                p -> used.contains(p.path()) || p.message().contains(quotedName)));
        return new ScheduleProblems(split.get(true), split.get(false));
    }

    /** The problems of a schedule that could not be read: in the file named after it, or naming it. */
    static List<Problem> ofUnread(String name, List<Problem> problems) {
        return problems.stream().filter(p -> p.path().endsWith("/" + name + ".yaml")
                || p.message().contains("'" + name + "'")).toList();
    }
}
