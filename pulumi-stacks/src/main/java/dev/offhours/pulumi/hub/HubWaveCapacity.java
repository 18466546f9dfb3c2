package dev.offhours.pulumi.hub;

import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.ScheduledActionScalableTargetActionArgs;
import com.pulumi.aws.dynamodb.Table;
import dev.offhours.core.savings.CostModel;
import dev.offhours.pulumi.Children;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.TableDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Provisioned capacity for the hub tables when {@code provisionedForTargets} is set: each table and index starts at
 * its between-waves units, and Application Auto Scaling raises the busy ones to their wave units at each scale-up
 * cron and lowers them again at each scale-down cron. The units come from {@link CostModel#plan} (the same figures
 * {@code cost-model} prints), split over the tables and indexes by where the writes and reads of a wave land.
 */
public final class HubWaveCapacity {

    /**
     * Where a wave's units land: the worker's ledger and inventory writes go to the inventory table and its
     * {@code bySchedule} index alike; each operation record write to the operations table and its {@code recent}
     * and {@code byTarget} indexes; the counts of the convergence loop read the {@code bySchedule} index.
     */
    enum Share {
        INVENTORY(Resource.INVENTORY, null, 0.27, 0.10),
        BY_SCHEDULE(Resource.INVENTORY, HubTableDefinitions.BY_SCHEDULE, 0.27, 0.80),
        OPERATIONS(Resource.OPERATIONS, null, 0.16, 0.10),
        RECENT(Resource.OPERATIONS, TableDefinitions.RECENT, 0.15, 0.0),
        BY_TARGET(Resource.OPERATIONS, TableDefinitions.BY_TARGET, 0.15, 0.0);

        final Resource table;
        final String index;
        final double writes;
        final double reads;

        Share(Resource table, String index, double writes, double reads) {
            this.table = table;
            this.index = index;
            this.writes = writes;
            this.reads = reads;
        }
    }

    enum Resource { OPERATIONS, INVENTORY }

    /** Read and write units of one table or index. */
    public record Units(int read, int write) {
    }

    private HubWaveCapacity() {
    }

    /** The units of a table or index ({@code index} null for the table itself) between waves. */
    static Units base(HubSettings.WaveCapacity capacity, Resource table, String index) {
        CostModel.CapacityPlan plan = CostModel.plan(capacity.targets(), CostModel.Assumptions.defaults());
        return share(table, index).map(s -> new Units(units(s.reads * plan.baseReadUnits()),
                units(s.writes * plan.baseWriteUnits()))).orElse(new Units(1, 1));
    }

    static Units wave(HubSettings.WaveCapacity capacity, Share share) {
        CostModel.CapacityPlan plan = CostModel.plan(capacity.targets(), CostModel.Assumptions.defaults());
        return new Units(units(share.reads * plan.peakReadUnits()), units(share.writes * plan.peakWriteUnits()));
    }

    public static List<ScheduledAction> declare(HubSettings settings, HubTables.Tables tables,
                                                com.pulumi.resources.Resource parent) {
        List<ScheduledAction> actions = new ArrayList<>();
        settings.waveCapacity().ifPresent(capacity -> {
            for (Share share : Share.values()) {
                Table table = share.table == Resource.OPERATIONS ? tables.operations() : tables.inventory();
                String tableName = share.table == Resource.OPERATIONS ? settings.tables().operations()
                        : settings.tables().inventory();
                Units base = base(capacity, share.table, share.index);
                Units wave = wave(capacity, share);
                actions.addAll(scale(settings.prefix(), share, table, tableName, "Read", base.read(), wave.read(),
                        capacity, parent));
                actions.addAll(scale(settings.prefix(), share, table, tableName, "Write", base.write(), wave.write(),
                        capacity, parent));
            }
        });
        return List.copyOf(actions);
    }

    private static List<ScheduledAction> scale(String prefix, Share share, Table table, String tableName,
                                               String dimension, int base, int wave, HubSettings.WaveCapacity c,
                                               com.pulumi.resources.Resource parent) {
        if (wave <= base) {
            return List.of(); // nothing to raise: the units between waves carry it
        }
        String name = prefix + share.name().toLowerCase().replace('_', '-') + "-" + dimension.toLowerCase();
        String resourceId = "table/" + tableName + (share.index == null ? "" : "/index/" + share.index);
        String kind = share.index == null ? "table" : "index";
        Target target = new Target(name + "-target", TargetArgs.builder()
                .serviceNamespace("dynamodb")
                .resourceId(resourceId)
                .scalableDimension("dynamodb:" + kind + ":" + dimension + "CapacityUnits")
                .minCapacity(base)
                .maxCapacity(wave)
                .build(), Children.after(parent, table));
        List<ScheduledAction> actions = new ArrayList<>();
        for (int i = 0; i < c.scaleUpCrons().size(); i++) {
            actions.add(action(name + "-up-" + i, target, c.scaleUpCrons().get(i), wave, parent));
        }
        for (int i = 0; i < c.scaleDownCrons().size(); i++) {
            actions.add(action(name + "-down-" + i, target, c.scaleDownCrons().get(i), base, parent));
        }
        return actions;
    }

    private static ScheduledAction action(String name, Target target, String cron, int units,
                                          com.pulumi.resources.Resource parent) {
        return new ScheduledAction(name, ScheduledActionArgs.builder()
                .name(name)
                .serviceNamespace(target.serviceNamespace())
                .resourceId(target.resourceId())
                .scalableDimension(target.scalableDimension())
                .schedule(cron)
                .timezone("UTC")
                .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                        .minCapacity(units).maxCapacity(units).build())
                .build(), Children.of(parent));
    }

    private static Optional<Share> share(Resource table, String index) {
        for (Share share : Share.values()) {
            if (share.table == table && java.util.Objects.equals(share.index, index)) {
                return Optional.of(share);
            }
        }
        return Optional.empty();
    }

    private static int units(double value) {
        return Math.max(1, (int) Math.ceil(value));
    }
}
