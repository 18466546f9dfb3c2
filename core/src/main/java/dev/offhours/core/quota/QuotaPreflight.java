package dev.offhours.core.quota;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vCPU quota pre-flight of one wake wave in one account and region, without I/O: what each target adds to each
 * quota, the wave's need against each quota's headroom (quota minus usage), and, when the wave would breach and
 * {@link OnBreach#WAKE_IN_PRIORITY_ORDER} is chosen, which targets still fit in priority order.
 *
 * <p>A target's instances count with its largest instance type (AWS may launch any type of a mixed instances policy
 * or a node group), against that type's class; On-Demand and Spot shares follow its {@link LaunchShape}.
 */
public final class QuotaPreflight {

    public static final String QUOTA_EXCEEDED = "QuotaExceeded";

    /** A target the wave leaves asleep: the quota it would breach, what it needs and what is left for it. */
    public record Refusal(String targetKey, QuotaKey key, double need, double left, QuotaNeed wave) {
        public String reason() {
            return QUOTA_EXCEEDED + ": waking needs " + QuotaNeed.fmt(need) + " vCPUs of " + key.code() + " ("
                    + key.name() + "), " + QuotaNeed.fmt(left) + " left after higher-priority targets; "
                    + wave.describe();
        }
    }

    /**
     * @param needs      every quota the wave adds to, in class order
     * @param refused    targets not to wake (only with {@link OnBreach#WAKE_IN_PRIORITY_ORDER}), by target key
     * @param unmeasured targets whose instance types have no known vCPU count
     * @param touches    the quotas each measured target adds to, by target key
     */
    public record Result(List<QuotaNeed> needs, Map<String, Refusal> refused, List<String> unmeasured,
                         Map<String, Set<QuotaKey>> touches) {

        /** The breached quotas the target adds to (empty when its part of the wave fits). */
        public List<QuotaNeed> breachesOf(String targetKey) {
            Set<QuotaKey> keys = touches.getOrDefault(targetKey, Set.of());
            return breaches().stream().filter(need -> keys.contains(need.key())).toList();
        }

        public List<QuotaNeed> breaches() {
            return needs.stream().filter(QuotaNeed::breached).toList();
        }

        public boolean breached() {
            return !breaches().isEmpty();
        }
    }

    private QuotaPreflight() {
    }

    public static Result check(List<WakeDemand> demands, QuotaReadings readings, OnBreach onBreach) {
        Map<String, Map<QuotaKey, Double>> adds = new LinkedHashMap<>();
        List<String> unmeasured = new ArrayList<>();
        Map<QuotaKey, Double> totals = new EnumKeyMap();
        for (WakeDemand demand : demands) {
            Map<QuotaKey, Double> added = added(demand, readings.vcpusPerType());
            if (added == null) {
                unmeasured.add(demand.targetKey());
                continue;
            }
            adds.put(demand.targetKey(), added);
            added.forEach((key, vcpus) -> totals.merge(key, vcpus, Double::sum));
        }
        List<QuotaNeed> needs = new ArrayList<>();
        totals.forEach((key, need) -> needs.add(new QuotaNeed(key, need, readings.quotas().get(key),
                readings.usage().get(key))));
        Map<String, Refusal> refused = onBreach == OnBreach.WAKE_IN_PRIORITY_ORDER
                && needs.stream().anyMatch(QuotaNeed::breached) ? admit(demands, adds, needs) : Map.of();
        Map<String, Set<QuotaKey>> touches = new LinkedHashMap<>();
        adds.forEach((target, added) -> touches.put(target, Set.copyOf(added.keySet())));
        return new Result(List.copyOf(needs), refused, List.copyOf(unmeasured), touches);
    }

    /** vCPUs the target adds per quota, or null when none of its instance types has a known vCPU count. */
    static Map<QuotaKey, Double> added(WakeDemand demand, Map<String, Integer> vcpusPerType) {
        String largest = null;
        for (String type : demand.shape().instanceTypes()) {
            Integer vcpus = vcpusPerType.get(type);
            if (vcpus != null && (largest == null || vcpus > vcpusPerType.get(largest))) {
                largest = type;
            }
        }
        if (largest == null) {
            return demand.awakeInstances() <= demand.currentInstances() ? Map.of() : null;
        }
        int vcpus = vcpusPerType.get(largest);
        QuotaClass quotaClass = QuotaClass.of(largest);
        LaunchShape shape = demand.shape();
        int onDemand = shape.onDemand(demand.awakeInstances()) - shape.onDemand(demand.currentInstances());
        int spot = shape.spot(demand.awakeInstances()) - shape.spot(demand.currentInstances());
        Map<QuotaKey, Double> added = new HashMap<>();
        if (onDemand > 0) {
            added.put(new QuotaKey(quotaClass, Purchase.ON_DEMAND), (double) onDemand * vcpus);
        }
        if (spot > 0) {
            added.put(new QuotaKey(quotaClass, Purchase.SPOT), (double) spot * vcpus);
        }
        return added;
    }

    /**
     * Admits targets by priority (then target key) while every quota they add to has room; once a target does not
     * fit a quota, that quota is closed to every later target, so a lower priority never takes what a higher one
     * was denied. Quotas whose value is unknown do not hold anyone back.
     */
    private static Map<String, Refusal> admit(List<WakeDemand> demands, Map<String, Map<QuotaKey, Double>> adds,
                                              List<QuotaNeed> needs) {
        Map<QuotaKey, QuotaNeed> byKey = new HashMap<>();
        needs.forEach(need -> byKey.put(need.key(), need));
        Map<QuotaKey, Double> used = new HashMap<>();
        Set<QuotaKey> closed = new HashSet<>();
        Map<String, Refusal> refused = new LinkedHashMap<>();
        List<WakeDemand> ordered = demands.stream().filter(d -> adds.containsKey(d.targetKey()))
                .sorted(PRIORITY_ORDER).toList();
        for (WakeDemand demand : ordered) {
            Map<QuotaKey, Double> added = adds.get(demand.targetKey());
            Refusal refusal = null;
            for (Map.Entry<QuotaKey, Double> add : sorted(added)) {
                QuotaNeed wave = byKey.get(add.getKey());
                if (wave.headroom() == null) {
                    continue;
                }
                double left = wave.headroom() - used.getOrDefault(add.getKey(), 0.0);
                if (closed.contains(add.getKey()) || add.getValue() > left) {
                    closed.add(add.getKey());
                    if (refusal == null) {
                        refusal = new Refusal(demand.targetKey(), add.getKey(), add.getValue(), Math.max(0, left), wave);
                    }
                }
            }
            if (refusal != null) {
                refused.put(demand.targetKey(), refusal);
            } else {
                added.forEach((key, vcpus) -> used.merge(key, vcpus, Double::sum));
            }
        }
        return refused;
    }

    private static List<Map.Entry<QuotaKey, Double>> sorted(Map<QuotaKey, Double> added) {
        return added.entrySet().stream().sorted(Map.Entry.comparingByKey(KEY_ORDER)).toList();
    }

    private static final Comparator<WakeDemand> PRIORITY_ORDER = Comparator.comparingInt(WakeDemand::priority)
            .thenComparing(WakeDemand::targetKey);

    private static final Comparator<QuotaKey> KEY_ORDER = Comparator.comparing(QuotaKey::quotaClass)
            .thenComparing(QuotaKey::purchase);

    /** Totals in class then purchase order, so needs and messages come out the same every time. */
    private static final class EnumKeyMap extends java.util.TreeMap<QuotaKey, Double> {
        EnumKeyMap() {
            super(KEY_ORDER);
        }
    }
}
