package dev.offhours.bench;

import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.TargetKind;
import dev.offhours.simulator.Capacity;
import dev.offhours.simulator.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One seeded day (00:00-24:00) of changes to a fleet that starts it asleep, and the spoke events they cause, in
 * time order. Per target: 2-4 owner scalings between 06:00 and 22:00 (ASG owners: 70% UpdateAutoScalingGroup with all
 * three sizes, else SetDesiredCapacity; node group owners: UpdateNodegroupConfig with a full scalingConfig),
 * offhours' wake at 07:00-07:02 (if still asleep) and sleep at 19:00-19:02 (if awake: tags the awake capacity, then
 * scales; the worker records its outcome a second later), and for 20% of the ASGs a scaling policy that moves the
 * desired size 2-4 times between 08:00 and 18:00 (no API call of anyone's: only instance events). Every change of
 * an ASG's desired size brings 1-8 instance launch/terminate events 30-150 s later. A few groups are opted in
 * (CreateOrUpdateTags adding the schedule tag) and a few targets are deleted. CloudTrail events reach the hub 2-20 s
 * after the call, native instance events 1-3 s after the instance changed.
 */
final class DayOfChanges {

    enum Kind { OWNER_API, SCALING_POLICY, OFFHOURS, OPT_IN, DELETE }

    sealed interface Step permits Mutation, Delivery, Outcome {
        Instant at();
    }

    /** A change in the simulator at {@code at}: new sizes, re-created with {@code tags}, or removed. */
    record Mutation(Instant at, Kind kind, Target target, Capacity capacity, Map<String, String> tags, boolean removed)
            implements Step {
    }

    /** An event that reaches the hub's events queue at {@code at}; its body is rendered when it is sent. */
    record Delivery(Instant at, Supplier<String> body) implements Step {
    }

    /** What the worker records on the inventory item after its own change ({@code savedAwake} saved first if set). */
    record Outcome(Instant at, Target target, TargetState state, Capacity current, Capacity savedAwake)
            implements Step {
    }

    record Day(List<Step> steps, Map<Kind, Integer> changes, int events) {
    }

    static final String SCHEDULE = "office-hours";
    static final String SCHEDULE_TAG = OffhoursTags.SCHEDULE;
    static final String AWAKE_TAG = OffhoursTags.AWAKE_CAPACITY;
    private static final double POLICY_SHARE = 0.2;

    private final Instant midnight;
    private final Random random;
    private final SpokeEventJson.Caller offhours;
    private final List<Step> steps = new ArrayList<>();
    private final Map<Kind, Integer> changes = new EnumMap<>(Kind.class);
    private int events;

    private DayOfChanges(Instant midnight, long seed, SpokeEventJson.Caller offhours) {
        this.midnight = midnight;
        this.random = new Random(seed);
        this.offhours = offhours;
        for (Kind kind : Kind.values()) {
            changes.put(kind, 0);
        }
    }

    /**
     * @param awake    each target's awake capacity (it is asleep at midnight, its awake capacity in its tag)
     * @param newcomers untagged groups that opt in during the day, with their capacity
     */
    static Day generate(Instant midnight, long seed, SpokeEventJson.Caller offhours, Map<Target, Capacity> awake,
                        Map<Target, Capacity> newcomers, int deletions) {
        DayOfChanges day = new DayOfChanges(midnight, seed, offhours);
        List<Target> targets = new ArrayList<>(awake.keySet());
        targets.sort(Comparator.comparing(Target::toString));
        Set<Target> deleted = new HashSet<>();
        while (deleted.size() < deletions) {
            deleted.add(targets.get(day.random.nextInt(targets.size())));
        }
        for (Target target : targets) {
            day.target(target, awake.get(target), deleted.contains(target));
        }
        newcomers.forEach(day::optIn);
        day.steps.sort(Comparator.comparing(Step::at));
        return new Day(List.copyOf(day.steps), Map.copyOf(day.changes), day.events);
    }

    static Capacity asleep(Target target) {
        return target.kind() == TargetKind.ASG ? new Capacity(0, 0, 0) : new Capacity(0, 0, 1);
    }

    static Map<String, String> tags(Capacity awake) {
        return Map.of(SCHEDULE_TAG, SCHEDULE, AWAKE_TAG, OffhoursTags.formatCapacity(EventDay.core(awake)));
    }

    private record Planned(long second, Kind kind, boolean wake) {
    }

    private void target(Target target, Capacity awake, boolean deleted) {
        boolean asg = target.kind() == TargetKind.ASG;
        List<Planned> plan = new ArrayList<>();
        int owners = 2 + random.nextInt(3);
        for (int i = 0; i < owners; i++) {
            plan.add(new Planned(between(6, 22), Kind.OWNER_API, false));
        }
        plan.add(new Planned(7 * 3600 + random.nextInt(120), Kind.OFFHOURS, true));
        plan.add(new Planned(19 * 3600 + random.nextInt(120), Kind.OFFHOURS, false));
        if (asg && random.nextDouble() < POLICY_SHARE) {
            int moves = 2 + random.nextInt(3);
            for (int i = 0; i < moves; i++) {
                plan.add(new Planned(between(8, 18), Kind.SCALING_POLICY, false));
            }
        }
        long deleteAt = deleted ? between(9, 17) : Long.MAX_VALUE;
        plan.sort(Comparator.comparingLong(Planned::second));
        Capacity current = asleep(target);
        for (Planned planned : plan) {
            if (planned.second() >= deleteAt) {
                break;
            }
            current = apply(target, current, awake, planned);
        }
        if (deleted) {
            Instant at = time(deleteAt);
            steps.add(new Mutation(at, Kind.DELETE, target, null, null, true));
            cloudTrail(at, () -> SpokeEventJson.delete(target, at, SpokeEventJson.Caller.OWNER));
            instances(target, at, current.desired(), 0, "a user request delete of AutoScalingGroup");
            count(Kind.DELETE);
        }
    }

    private Capacity apply(Target target, Capacity current, Capacity awake, Planned planned) {
        Instant at = time(planned.second());
        boolean asleep = current.equals(asleep(target));
        return switch (planned.kind()) {
            case OWNER_API -> owner(target, current, asleep, at);
            case SCALING_POLICY -> asleep || current.min() == current.max() ? current : policy(target, current, at);
            case OFFHOURS -> planned.wake() ? (asleep ? wake(target, awake, at) : current)
                    : (asleep ? current : sleep(target, current, at));
            default -> throw new IllegalStateException("not planned per target: " + planned.kind());
        };
    }

    private Capacity owner(Target target, Capacity current, boolean asleep, Instant at) {
        count(Kind.OWNER_API);
        if (target.kind() == TargetKind.ASG && !asleep && current.min() < current.max() && random.nextDouble() < 0.3) {
            Capacity next = new Capacity(current.min(), otherDesired(current), current.max());
            change(Kind.OWNER_API, target, at, next);
            cloudTrail(at, () -> SpokeEventJson.setDesiredCapacity(target, next.desired(), at,
                    SpokeEventJson.Caller.OWNER));
            instances(target, at, current.desired(), next.desired(),
                    "a user request explicitly set group desired capacity");
            return next;
        }
        int min = 1 + random.nextInt(3);
        int desired = min + random.nextInt(5);
        Capacity next = new Capacity(min, desired, Math.max(desired, 6 + random.nextInt(5)));
        change(Kind.OWNER_API, target, at, next);
        cloudTrail(at, () -> SpokeEventJson.resize(target, next, at, SpokeEventJson.Caller.OWNER));
        instances(target, at, current.desired(), next.desired(), constraints(next));
        return next;
    }

    private Capacity policy(Target target, Capacity current, Instant at) {
        count(Kind.SCALING_POLICY);
        Capacity next = new Capacity(current.min(), otherDesired(current), current.max());
        change(Kind.SCALING_POLICY, target, at, next);
        instances(target, at, current.desired(), next.desired(), "a monitor alarm TargetTracking-" + target.name()
                + "-AlarmHigh in state ALARM triggered policy cpu-target");
        return next;
    }

    private Capacity wake(Target target, Capacity awake, Instant at) {
        count(Kind.OFFHOURS);
        change(Kind.OFFHOURS, target, at, awake);
        cloudTrail(at, () -> SpokeEventJson.resize(target, awake, at, offhours));
        steps.add(new Outcome(at.plusSeconds(1), target, TargetState.AWAKE, awake, null));
        instances(target, at, 0, awake.desired(), constraints(awake));
        return awake;
    }

    /** Tags the awake capacity first (it travels with the resource), then scales to the asleep shape. */
    private Capacity sleep(Target target, Capacity current, Instant at) {
        count(Kind.OFFHOURS);
        Map<String, String> tags = tags(current);
        steps.add(new Mutation(at, Kind.OFFHOURS, target, current, tags, false));
        cloudTrail(at, () -> SpokeEventJson.tag(target, Map.of(AWAKE_TAG, tags.get(AWAKE_TAG)), at, offhours));
        Instant scaled = at.plusSeconds(1);
        Capacity asleep = asleep(target);
        change(Kind.OFFHOURS, target, scaled, asleep);
        cloudTrail(scaled, () -> SpokeEventJson.resize(target, asleep, scaled, offhours));
        steps.add(new Outcome(scaled.plusSeconds(1), target, TargetState.ASLEEP, asleep, current));
        instances(target, scaled, current.desired(), 0, constraints(asleep));
        return asleep;
    }

    private void optIn(Target group, Capacity capacity) {
        count(Kind.OPT_IN);
        Instant at = time(between(9, 17));
        Map<String, String> tags = new HashMap<>(Map.of(SCHEDULE_TAG, SCHEDULE));
        steps.add(new Mutation(at, Kind.OPT_IN, group, capacity, tags, false));
        cloudTrail(at, () -> SpokeEventJson.tag(group, Map.of(SCHEDULE_TAG, SCHEDULE), at,
                SpokeEventJson.Caller.OWNER));
    }

    private int otherDesired(Capacity current) {
        int desired;
        do {
            desired = current.min() + random.nextInt(current.max() - current.min() + 1);
        } while (desired == current.desired());
        return desired;
    }

    private void change(Kind kind, Target target, Instant at, Capacity next) {
        steps.add(new Mutation(at, kind, target, next, null, false));
    }

    private void cloudTrail(Instant at, Supplier<String> body) {
        steps.add(new Delivery(at.plusSeconds(2 + random.nextInt(19)), body));
        events++;
    }

    /** 1-8 launch or terminate events 30-150 s after an ASG's desired size changed (none for a node group's). */
    private static String constraints(Capacity capacity) {
        return "a user request update of AutoScalingGroup constraints to min: " + capacity.min() + ", max: "
                + capacity.max() + ", desired: " + capacity.desired();
    }

    /** The instance events of a desired-size change, their cause written as AWS writes it ({@code because}). */
    private void instances(Target target, Instant at, int before, int after, String because) {
        if (target.kind() != TargetKind.ASG || before == after) {
            return;
        }
        int count = Math.max(1, Math.min(8, Math.abs(after - before)));
        boolean launch = after > before;
        for (int i = 0; i < count; i++) {
            Instant happened = at.plusSeconds(30 + random.nextInt(121));
            steps.add(new Delivery(happened.plusSeconds(1 + random.nextInt(3)),
                    () -> SpokeEventJson.instance(target, launch, happened, "At " + at + " " + because
                            + " changing the desired capacity from " + before + " to " + after + ".")));
            events++;
        }
    }

    private long between(int fromHour, int toHour) {
        return fromHour * 3600L + (long) (random.nextDouble() * Duration.ofHours(toHour - fromHour).toSeconds());
    }

    private Instant time(long second) {
        return midnight.plusSeconds(second);
    }

    private void count(Kind kind) {
        changes.merge(kind, 1, Integer::sum);
    }
}
