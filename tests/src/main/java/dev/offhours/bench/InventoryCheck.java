package dev.offhours.bench;

import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.simulator.AccountRegion;
import dev.offhours.simulator.SimulatedFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Compares the inventory with the simulator's truth: at the end of the day every item, and at every full hour the
 * items whose resource last changed more than {@link #SETTLING} ago (a younger change may still be on its way), so
 * that a change the updater missed shows up even if a later change hides it by the evening.
 */
final class InventoryCheck {

    /**
     * Inventory against the simulator: capacity differs, opted in but not held, held but gone; the first differing
     * item with its resource's changes of the day, or null.
     */
    record Mismatch(int differ, int missing, int extra, String example) {
        int wrong() {
            return differ + missing + extra;
        }
    }

    /** A change younger than this may still be on its way (delivery, debounce): not yet counted as missed. */
    private static final Duration SETTLING = Duration.ofMinutes(10);

    private final SimulatedFleet fleet;
    private final Map<dev.offhours.core.work.Target, Instant> lastChange = new HashMap<>();
    private final Map<dev.offhours.core.work.Target, List<String>> history = new HashMap<>();
    private final List<Integer> settledWrongByHour = new ArrayList<>();
    private String firstSettledWrong;

    InventoryCheck(SimulatedFleet fleet) {
        this.fleet = fleet;
    }

    void changed(DayOfChanges.Mutation mutation) {
        dev.offhours.core.work.Target target = EventDay.core(mutation.target());
        lastChange.put(target, mutation.at());
        history.computeIfAbsent(target, key -> new ArrayList<>()).add(mutation.at().toString().substring(11, 19)
                + " " + mutation.kind().name().toLowerCase() + " "
                + (mutation.removed() ? "deleted" : EventDay.core(mutation.capacity())));
    }

    void settled(InventoryStore inventory, Instant now) {
        Instant settledBy = now.minus(SETTLING);
        Mismatch settled = compare(inventory, target -> !lastChange.getOrDefault(target, Instant.MIN)
                .isAfter(settledBy));
        settledWrongByHour.add(settled.wrong());
        if (firstSettledWrong == null && settled.example() != null) {
            firstSettledWrong = "at " + now + " " + settled.example();
        }
    }

    Mismatch all(InventoryStore inventory) {
        return compare(inventory, target -> true);
    }

    List<Integer> settledWrongByHour() {
        return List.copyOf(settledWrongByHour);
    }

    String firstSettledWrong() {
        return firstSettledWrong;
    }

    /** The inventory against the simulator's truth, for the targets {@code counted} accepts. */
    private Mismatch compare(InventoryStore inventory, Predicate<dev.offhours.core.work.Target> counted) {
        Map<dev.offhours.core.work.Target, dev.offhours.core.capacity.Capacity> truth = fleet.targets().stream()
                .collect(Collectors.toMap(EventDay::core, target -> EventDay.core(fleet.capacity(target))));
        Map<dev.offhours.core.work.Target, InventoryItem> held = new HashMap<>();
        for (AccountRegion where : fleet.accountRegions()) {
            inventory.allByAccountRegion(where.account(), where.region())
                    .forEach(item -> held.put(item.target(), item));
        }
        int differ = 0;
        int missing = 0;
        String example = null;
        for (var entry : truth.entrySet()) {
            if (!counted.test(entry.getKey())) {
                continue;
            }
            InventoryItem item = held.get(entry.getKey());
            if (item == null) {
                missing++;
            } else if (!Objects.equals(item.current(), entry.getValue())) {
                differ++;
                if (example == null) {
                    example = entry.getKey().key() + " holds " + item.current() + " (" + item.source() + ", version "
                            + Instant.ofEpochMilli(item.version()) + ") but is " + entry.getValue() + "; changes: "
                            + history.getOrDefault(entry.getKey(), List.of());
                }
            }
        }
        int extra = (int) held.keySet().stream().filter(target -> !truth.containsKey(target) && counted.test(target))
                .count();
        return new Mismatch(differ, missing, extra, example);
    }
}
