package dev.offhours.core.capacity;

import dev.offhours.core.work.Action;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What SLEEP does with a target that has opted in, is not kept awake and has a valid asleep capacity: whether it
 * saves the current capacity as the awake capacity, and whether it changes the target to the asleep capacity.
 *
 * <p>The saved awake capacity is all a WAKE can restore. Saved from an asleep-like shape (an owner raised max on a
 * sleeping group, or the asleep capacity of an older {@code asleep:} setting), it makes the next WAKE "succeed" at
 * sleep level. So the saved capacity is written only from a capacity that is clearly awake, and never replaced while
 * the target is asleep or in an asleep-like shape.
 *
 * <p>Inputs:
 * <ul>
 *   <li><b>saved</b>: {@link Saved#SAVED} when a usable awake capacity is saved (the tag
 *       {@value OffhoursTags#AWAKE_CAPACITY} wins over the hub's copy). An unreadable tag, or a saved capacity with
 *       desired 0, counts as {@link Saved#NONE}: WAKE refuses it, so there is nothing to protect, and a clearly awake
 *       capacity repairs it.</li>
 *   <li><b>lastApplied</b>: the last action offhours completed on the target; {@link LastApplied#SLEEP} means it put
 *       the target to sleep and has not woken it since, {@link LastApplied#RESIZE} that it runs at a share of the
 *       saved capacity. {@link LastApplied#UNKNOWN} when not known (never touched, or
 *       a deployment that did not keep it).</li>
 *   <li><b>current</b>: the {@link Shape} of the current capacity against today's asleep capacity and the saved one.
 *       {@link Shape#CAPPED} rests on this: every asleep capacity offhours sets has max == desired (an EKS node group
 *       asleep at desired 0 is {@link Shape#NO_DESIRED}), so a capped shape may be the asleep capacity of an older
 *       setting, e.g. 1/1/1 after an ASG's {@code asleep} changed from {1,1} to {0,0}.</li>
 * </ul>
 *
 * <p>Rows do not overlap, and together they cover every combination of inputs (the tests check both); "any" and
 * lists mean any of those values.
 * <table>
 *   <caption>SLEEP</caption>
 *   <tr><th>#</th><th>saved</th><th>lastApplied</th><th>current</th><th>outcome</th><th>why</th></tr>
 *   <tr><td>1</td><td>NONE</td><td>any</td><td>ASLEEP</td><td>ALREADY_ASLEEP</td>
 *       <td>nothing to do; a wake will report that nothing is saved</td></tr>
 *   <tr><td>2</td><td>NONE</td><td>any</td><td>NO_DESIRED</td><td>LEAVE</td>
 *       <td>desired 0 is never an awake capacity, and with nothing saved a wake could restore nothing; changing it
 *       would only lose its owner's min and max</td></tr>
 *   <tr><td>3</td><td>NONE</td><td>SLEEP, RESIZE</td><td>CAPPED</td><td>LEAVE</td>
 *       <td>offhours put it to sleep (or resized it) and has not woken it, and it has the form of an asleep
 *       capacity: most likely that of an older asleep setting, or a share of an awake capacity whose tag was removed,
 *       so it is not recorded as awake; with nothing saved, sleeping it would leave nothing a wake could restore</td></tr>
 *   <tr><td>4</td><td>NONE</td><td>WAKE, UNKNOWN</td><td>CAPPED</td><td>SAVE_AND_SLEEP</td>
 *       <td>many groups run at min == desired == max; with nothing saved and no sign that offhours put it to sleep,
 *       this is its awake capacity</td></tr>
 *   <tr><td>5</td><td>NONE</td><td>any</td><td>AWAKE</td><td>SAVE_AND_SLEEP</td>
 *       <td>clearly awake: the first sleep (or a repair of an unusable tag)</td></tr>
 *   <tr><td>6</td><td>SAVED</td><td>any</td><td>ASLEEP</td><td>ALREADY_ASLEEP</td>
 *       <td>a repeated sleep; the saved capacity stays</td></tr>
 *   <tr><td>7</td><td>SAVED</td><td>SLEEP, RESIZE</td><td>NO_DESIRED, CAPPED, AWAKE</td><td>SLEEP_KEEPING_SAVED</td>
 *       <td>offhours put it to sleep, or resized it to a share of the saved capacity, and has not woken it: whatever
 *       it looks like now (the asleep setting changed, an owner changed or woke the sleeping group, or it runs at a
 *       reduced share) was not restored by offhours, so the saved capacity stays; the target is moved to today's
 *       asleep capacity</td></tr>
 *   <tr><td>8</td><td>SAVED</td><td>WAKE, UNKNOWN</td><td>NO_DESIRED</td><td>SLEEP_KEEPING_SAVED</td>
 *       <td>desired 0 is never an awake capacity</td></tr>
 *   <tr><td>9</td><td>SAVED</td><td>UNKNOWN</td><td>CAPPED</td><td>SLEEP_KEEPING_SAVED</td>
 *       <td>capped below the saved desired may be the asleep capacity of an older setting, and nothing says
 *       offhours woke it since; keeping the saved capacity errs towards waking to more capacity, never to a sleep
 *       shape</td></tr>
 *   <tr><td>10</td><td>SAVED</td><td>WAKE</td><td>CAPPED</td><td>SAVE_AND_SLEEP</td>
 *       <td>offhours woke it to the saved capacity, so a capped shape since then is its owner's choice</td></tr>
 *   <tr><td>11</td><td>SAVED</td><td>WAKE, UNKNOWN</td><td>AWAKE</td><td>SAVE_AND_SLEEP</td>
 *       <td>clearly awake: an owner's resize while awake replaces the saved capacity</td></tr>
 * </table>
 */
public final class SleepTable {

    /** Whether a usable awake capacity is saved for the target. */
    public enum Saved {
        NONE,
        SAVED;

        static Saved of(Optional<Capacity> saved) {
            return saved.isPresent() ? SAVED : NONE;
        }
    }

    /** The last action offhours completed successfully on the target. */
    public enum LastApplied {
        SLEEP,
        WAKE,
        /** Resized to a share of the saved awake capacity: the current capacity is not an awake one to save. */
        RESIZE,
        UNKNOWN;

        static LastApplied of(Optional<Action> lastApplied) {
            return lastApplied.map(action -> switch (action) {
                case SLEEP -> SLEEP;
                case WAKE -> WAKE;
                case RESIZE -> RESIZE;
            }).orElse(UNKNOWN);
        }
    }

    /** The current capacity, classified against today's asleep capacity and the saved awake capacity. */
    public enum Shape {
        /** Exactly today's asleep capacity for this kind. */
        ASLEEP,
        /** Desired 0 but not today's asleep capacity, e.g. 0/0/5, or 0/0/1 for a node group asleep at {1,1}. */
        NO_DESIRED,
        /** max == desired &gt; 0, and below the saved desired when something is saved: the form of an asleep capacity. */
        CAPPED,
        /** Anything else: desired &gt; 0 with room above it, or capped at or above the saved desired. */
        AWAKE;

        static Shape of(Capacity current, Capacity asleep, Optional<Capacity> saved) {
            if (current.equals(asleep)) {
                return ASLEEP;
            }
            if (current.desired() == 0) {
                return NO_DESIRED;
            }
            boolean capped = current.max() == current.desired();
            boolean belowSaved = saved.map(s -> current.desired() < s.desired()).orElse(true);
            return capped && belowSaved ? CAPPED : AWAKE;
        }
    }

    /** What SLEEP does: whether it saves the current capacity, and whether it changes to the asleep capacity. */
    public enum Outcome {
        ALREADY_ASLEEP(false, false),
        LEAVE(false, false),
        SAVE_AND_SLEEP(true, true),
        SLEEP_KEEPING_SAVED(false, true);

        private final boolean saves;
        private final boolean changes;

        Outcome(boolean saves, boolean changes) {
            this.saves = saves;
            this.changes = changes;
        }

        public boolean saves() {
            return saves;
        }

        public boolean changes() {
            return changes;
        }
    }

    /** One row of the table; a set column matches any of its values. */
    public record Row(int number, Saved saved, Set<LastApplied> lastApplied, Set<Shape> shapes, Outcome outcome) {
        public Row {
            lastApplied = Set.copyOf(lastApplied);
            shapes = Set.copyOf(shapes);
        }

        boolean matches(Saved saved, LastApplied lastApplied, Shape shape) {
            return this.saved == saved && this.lastApplied.contains(lastApplied) && shapes.contains(shape);
        }
    }

    private static final Set<LastApplied> ANY = EnumSet.allOf(LastApplied.class);
    private static final Set<LastApplied> NOT_ASLEEP_BY_OFFHOURS = EnumSet.of(LastApplied.WAKE, LastApplied.UNKNOWN);

    /** The table of the class comment, row for row. */
    public static final List<Row> ROWS = List.of(
            new Row(1, Saved.NONE, ANY, Set.of(Shape.ASLEEP), Outcome.ALREADY_ASLEEP),
            new Row(2, Saved.NONE, ANY, Set.of(Shape.NO_DESIRED), Outcome.LEAVE),
            new Row(3, Saved.NONE, Set.of(LastApplied.SLEEP, LastApplied.RESIZE), Set.of(Shape.CAPPED), Outcome.LEAVE),
            new Row(4, Saved.NONE, NOT_ASLEEP_BY_OFFHOURS, Set.of(Shape.CAPPED), Outcome.SAVE_AND_SLEEP),
            new Row(5, Saved.NONE, ANY, Set.of(Shape.AWAKE), Outcome.SAVE_AND_SLEEP),
            new Row(6, Saved.SAVED, ANY, Set.of(Shape.ASLEEP), Outcome.ALREADY_ASLEEP),
            new Row(7, Saved.SAVED, Set.of(LastApplied.SLEEP, LastApplied.RESIZE),
                    Set.of(Shape.NO_DESIRED, Shape.CAPPED, Shape.AWAKE),
                    Outcome.SLEEP_KEEPING_SAVED),
            new Row(8, Saved.SAVED, NOT_ASLEEP_BY_OFFHOURS, Set.of(Shape.NO_DESIRED), Outcome.SLEEP_KEEPING_SAVED),
            new Row(9, Saved.SAVED, Set.of(LastApplied.UNKNOWN), Set.of(Shape.CAPPED), Outcome.SLEEP_KEEPING_SAVED),
            new Row(10, Saved.SAVED, Set.of(LastApplied.WAKE), Set.of(Shape.CAPPED), Outcome.SAVE_AND_SLEEP),
            new Row(11, Saved.SAVED, NOT_ASLEEP_BY_OFFHOURS, Set.of(Shape.AWAKE), Outcome.SAVE_AND_SLEEP));

    private SleepTable() {
    }

    /** The one row for these inputs. */
    public static Row rowFor(Saved saved, LastApplied lastApplied, Shape shape) {
        List<Row> matching = ROWS.stream().filter(row -> row.matches(saved, lastApplied, shape)).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException("the sleep table has " + matching.size() + " rows for " + saved + ", "
                    + lastApplied + ", " + shape);
        }
        return matching.get(0);
    }

    static Row rowFor(Capacity current, Capacity asleep, Optional<Capacity> saved, Optional<Action> lastApplied) {
        return rowFor(Saved.of(saved), LastApplied.of(lastApplied), Shape.of(current, asleep, saved));
    }

    /**
     * The decision for a target at {@code current} whose asleep capacity is {@code asleep} (already checked against
     * AWS's rules).
     *
     * @param saved the usable saved awake capacity, empty when none
     */
    static Decision decide(Capacity current, Capacity asleep, Optional<Capacity> saved, Optional<Action> lastApplied) {
        Shape shape = Shape.of(current, asleep, saved);
        return switch (rowFor(current, asleep, saved, lastApplied).outcome()) {
            case ALREADY_ASLEEP -> new Decision.Skip("already asleep at " + current, true);
            case LEAVE -> new Decision.Skip(leaveReason(current, shape), false);
            case SAVE_AND_SLEEP -> new Decision.Change(current, asleep, current);
            case SLEEP_KEEPING_SAVED -> new Decision.Change(current, asleep, null);
        };
    }

    private static String leaveReason(Capacity current, Shape shape) {
        if (shape == Shape.NO_DESIRED) {
            return "the resource is at " + current + ", which offhours never records as awake capacity; leaving it as it is";
        }
        return "the resource is at " + current + ", which has the form of an asleep capacity, and offhours put it to "
                + "sleep and has not woken it since, so offhours does not record it as awake capacity; no awake "
                + "capacity is saved, so a wake could restore nothing; leaving it as it is";
    }
}
