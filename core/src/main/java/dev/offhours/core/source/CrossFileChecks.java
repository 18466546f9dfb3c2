package dev.offhours.core.source;

import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks that need the whole repository: unique names, and references to calendars and accounts that exist. */
final class CrossFileChecks {

    private final List<Problem> out;

    CrossFileChecks(List<Problem> out) {
        this.out = out;
    }

    /** Reports every later file whose name an earlier file (in path order) already uses. */
    void uniqueNames(String kind, List<String> paths, List<Optional<Located<String>>> names) {
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            names.get(i).ifPresent(name -> {
                String earlier = firstPath.putIfAbsent(name.value(), path);
                if (earlier != null) {
                    problems(path).at(name.node(), "the " + kind + " name '" + name.value() + "' is already used by "
                            + earlier + "; " + kind + " names must be unique in the repository");
                }
            });
        }
    }

    void calendarsExist(ScheduleDraft schedule, Set<String> calendars) {
        FileProblems problems = problems(schedule.path());
        for (Located<String> ref : schedule.calendars()) {
            if (!calendars.contains(ref.value())) {
                problems.at(ref.node(), "spec.calendars names the unknown calendar '" + ref.value() + "'; there is no"
                        + " calendars/" + ref.value() + ".yaml;" + Suggestions.didYouMean(ref.value(), calendars)
                        + (calendars.isEmpty() ? " the repository has no calendars"
                        : " known calendars: " + String.join(", ", new TreeSet<>(calendars))));
            }
        }
    }

    void accountsExist(ScheduleDraft schedule, AccountRegistry registry) {
        FileProblems problems = problems(schedule.path());
        for (Located<String> ref : schedule.accounts()) {
            String selector = ref.value();
            if (selector.startsWith("group:")) {
                String group = selector.substring("group:".length());
                Set<String> groups = registry.accounts().stream().flatMap(a -> a.groups().stream())
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!groups.contains(group)) {
                    problems.at(ref.node(), "spec.scope.accounts names the group '" + group + "', which no account in"
                            + " accounts.yaml belongs to;" + Suggestions.nearest(group, groups)
                            .map(g -> " did you mean 'group:" + g + "'?").orElse("")
                            + (groups.isEmpty() ? " accounts.yaml defines no groups"
                            : " known groups: " + String.join(", ", groups)));
                }
            } else if (registry.byAliasOrId(selector).isEmpty()) {
                List<String> aliases = registry.accounts().stream().map(Account::alias).sorted().toList();
                problems.at(ref.node(), "spec.scope.accounts names '" + selector + "', which is neither an alias nor"
                        + " an id in accounts.yaml;" + Suggestions.didYouMean(selector, aliases)
                        + " use an account alias, a 12-digit id or 'group:<name>'");
            }
        }
    }

    private FileProblems problems(String path) {
        return new FileProblems(path, out);
    }
}
