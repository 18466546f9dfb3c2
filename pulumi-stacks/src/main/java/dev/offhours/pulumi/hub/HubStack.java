package dev.offhours.pulumi.hub;

import com.pulumi.Context;
import java.util.Optional;

/** Declares the whole hub and exports what the spoke stack and the service configuration need. */
public final class HubStack {

    public record Hub(HubTables.Tables tables, HubQueues.Queues queues, HubEventBus.Bus bus, HubRole.Identity role,
                      Optional<LambdaWorker.Worker> worker, HubAlarms.Alarms alarms) {
    }

    private HubStack() {
    }

    public static Hub declare(HubSettings settings) {
        HubTables.Tables tables = HubTables.declare(settings.prefix(), settings.tables(), settings.waveCapacity());
        HubWaveCapacity.declare(settings, tables);
        HubQueues.Queues queues = HubQueues.declare(settings);
        HubEventBus.Bus bus = HubEventBus.declare(settings, queues);
        HubRole.Identity role = HubRole.declare(settings, tables, queues, bus);
        Optional<LambdaWorker.Worker> worker = settings.lambda()
                .map(lambda -> LambdaWorker.declare(settings, lambda, role, queues));
        HubAlarms.Alarms alarms = HubAlarms.declare(settings, queues, worker);
        return new Hub(tables, queues, bus, role, worker, alarms);
    }

    /** Outputs: {@code hubRoleArn} and {@code hubEventBusArn} are the spoke stack's inputs. */
    public static void export(Context ctx, Hub hub, HubSettings settings) {
        ctx.export("hubRoleArn", hub.role().role().arn());
        ctx.export("hubEventBusArn", hub.bus().bus().arn());
        ctx.export("spokeRoleName", settings.spokeRoleName());
        ctx.export("workQueueUrl", hub.queues().work().url());
        ctx.export("workDeadLetterQueueUrl", hub.queues().workDeadLetters().url());
        ctx.export("eventsQueueUrl", hub.queues().events().url());
        ctx.export("eventsDeadLetterQueueUrl", hub.queues().eventsDeadLetters().url());
        ctx.export("operationsTable", hub.tables().operations().name());
        ctx.export("inventoryTable", hub.tables().inventory().name());
        ctx.export("controlTable", hub.tables().control().name());
        ctx.export("alarmTopicArn", hub.alarms().topic().arn());
        hub.worker().ifPresent(w -> ctx.export("workerFunctionName", w.function().name()));
    }
}
