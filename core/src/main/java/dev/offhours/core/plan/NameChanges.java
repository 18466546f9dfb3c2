package dev.offhours.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** Names of things (calendars, accounts) added, changed and removed between two revisions, each sorted. */
public record NameChanges(List<String> added, List<String> changed, List<String> removed) {

    public static final NameChanges NONE = new NameChanges(List.of(), List.of(), List.of());

    public NameChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** Compares two maps by key; a key present in both whose values differ is changed. */
    static <V> NameChanges between(Map<String, V> base, Map<String, V> head) {
        SortedSet<String> names = new TreeSet<>(base.keySet());
        names.addAll(head.keySet());
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String name : names) {
            if (!base.containsKey(name)) {
                added.add(name);
            } else if (!head.containsKey(name)) {
                removed.add(name);
            } else if (!Objects.equals(base.get(name), head.get(name))) {
                changed.add(name);
            }
        }
        return new NameChanges(added, changed, removed);
    }
}
