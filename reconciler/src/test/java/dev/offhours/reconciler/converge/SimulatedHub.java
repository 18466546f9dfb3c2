package dev.offhours.reconciler.converge;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.work.TargetKind;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.reconciler.dispatch.AppliedRevision;
import dev.offhours.reconciler.dispatch.SqsWorkQueue;
import dev.offhours.reconciler.dispatch.WorkQueue;
import dev.offhours.reconciler.quota.QuotaClientFactory;
import dev.offhours.reconciler.quota.SpokeQuotaSource;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.simulator.FleetTime;
import dev.offhours.simulator.ManualTime;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.worker.Outcome;
import dev.offhours.worker.ReceivedMessage;
import dev.offhours.worker.SpokeClientFactory;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import dev.offhours.worker.tracing.TracedWorkItemHandler;
import dev.offhours.worker.tracing.Tracing;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A hub's convergence path on real parts and manual time: the embedded store, an ElasticMQ work queue, the real
 * {@link SpokeWorker} against the fleet simulator, and {@link ConvergenceLoop} runs the test calls by hand after
 * moving the clock. Each {@link #replica} is one hub process (its own owner, loop and timer) on the shared store and
 * queue; a restart is a new replica.
 */
final class SimulatedHub implements AutoCloseable {

    static final String SCHEDULE = "office-hours";
    static final long FIRST_ACCOUNT = 100000000001L;
    static final String REGION = "eu-west-1";
    static final Capacity AWAKE = new Capacity(1, 2, 4);

    final ManualTime time;
    final Clock clock;
    final SimulatedFleet fleet;
    final EmbeddedHubStore store;
    final SqsClient sqs;
    final String queueUrl;
    private final WorkItemHandler worker;
    private final SpokeClients clients;
    private final WorkItemCodec codec = new WorkItemCodec();
    private final List<ConvergenceLoop> loops = new ArrayList<>();

    SimulatedHub(Path dir, SqsClient sqs, String queueUrl, Instant start, int accounts, int asgsPerAccount) {
        this(dir, sqs, queueUrl, start, accounts, asgsPerAccount, Tracing.OFF);
    }

    /** @param tracing the worker's: a span per delivered item, described by the records it saves */
    SimulatedHub(Path dir, SqsClient sqs, String queueUrl, Instant start, int accounts, int asgsPerAccount,
                 Tracing tracing) {
        this.time = FleetTime.manual(start);
        this.clock = time.asClock();
        this.fleet = SimulatedFleet.builder().seed(7).time(time).noLatency().accounts(accounts)
                .firstAccountId(FIRST_ACCOUNT).regions(REGION).asgsPerAccountRegion(asgsPerAccount)
                .nodegroupsPerAccountRegion(0).schedule(SCHEDULE).build();
        this.store = EmbeddedHubStore.open(dir.resolve("hub.mv"));
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        Pipelines pipelines = new Pipelines(ResilienceSettings.defaults());
        RoleCredentialsCache credentials = new RoleCredentialsCache(fleet.stsAsync(),
                RoleCredentialsCache.Settings.of(fleet.config().roleName(), fleet.config().externalId()), clock,
                pipelines.stsGuard());
        this.clients = new SpokeClients(SpokeClientFactory.of(fleet::autoScaling, fleet::eks, fleet::autoScalingAsync, fleet::eksAsync), credentials);
        SpokeWorker spokeWorker = Workers.spokeWorker(clients, pipelines,
                tracing.operations(store.operations()), store, clock);
        this.worker = tracing.enabled() ? new TracedWorkItemHandler(spokeWorker, tracing) : spokeWorker;
        for (dev.offhours.simulator.Target target : fleet.targets()) {
            fleet.setCapacity(target, new dev.offhours.simulator.Capacity(AWAKE.min(), AWAKE.desired(), AWAKE.max()));
            inventory().upsert(new InventoryItem(core(target), SCHEDULE, fleet.tags(target), AWAKE, null,
                    TargetState.AWAKE, null, InventoryItem.DISCOVERY, 1, start));
        }
    }

    InventoryStore inventory() {
        return store.inventory();
    }

    ControlStore control() {
        return store.control();
    }

    static String account(int index) {
        return Long.toString(FIRST_ACCOUNT + index);
    }

    static AccountRegistry accounts(int count) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accounts.add(new Account(account(i), "acct-" + i, List.of(REGION), List.of()));
        }
        return new AccountRegistry(accounts);
    }

    /** One hub process: its loop on the shared store and queue, wrapped as a test needs (faults, counting). */
    Replica replica(String owner, ConvergenceSettings settings, UnaryOperator<ControlStore> control,
                    UnaryOperator<InventoryStore> inventory, UnaryOperator<WorkQueue> queue) {
        return new Replica(owner, settings, control.apply(control()), inventory.apply(inventory()),
                queue.apply(new SqsWorkQueue(sqs, queueUrl, 4, 2, Duration.ofMillis(10))), TransitionAnnouncer.NONE,
                TransitionSpans.OFF);
    }

    /** One hub process that announces finished transitions. */
    Replica replica(String owner, TransitionAnnouncer announcer) {
        return replica(owner, announcer, TransitionSpans.OFF);
    }

    /** One hub process that announces finished transitions and traces them. */
    Replica replica(String owner, TransitionAnnouncer announcer, TransitionSpans spans) {
        return new Replica(owner, settings(), control(), inventory(),
                new SqsWorkQueue(sqs, queueUrl, 4, 2, Duration.ofMillis(10)), announcer, spans);
    }

    Replica replica(String owner) {
        return replica(owner, settings(), c -> c, i -> i, q -> q);
    }

    /** One hub process whose wake waves pass {@code gate} first (the quota pre-flight). */
    Replica replica(String owner, WakeGate gate) {
        return new Replica(owner, settings(), control(), inventory(),
                new SqsWorkQueue(sqs, queueUrl, 4, 2, Duration.ofMillis(10)), TransitionAnnouncer.NONE,
                TransitionSpans.OFF, gate);
    }

    /** The quota pre-flight's reads of the simulated spokes, through the same role credentials as the worker. */
    SpokeQuotaSource quotaSource() {
        return new SpokeQuotaSource(clients, QuotaClientFactory.of(fleet::ec2, fleet::serviceQuotas,
                fleet::cloudWatch), clock);
    }

    static ConvergenceSettings settings() {
        return new ConvergenceSettings(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofMinutes(5), 1000);
    }

    final class Replica {
        final ConvergenceLoop loop;
        private volatile AppliedRevision revision = AppliedRevision.NONE;
        private final Map<String, Schedule> applied = new java.util.HashMap<>();

        private Replica(String owner, ConvergenceSettings settings, ControlStore control, InventoryStore inventory,
                        WorkQueue queue, TransitionAnnouncer announcer, TransitionSpans spans) {
            this(owner, settings, control, inventory, queue, announcer, spans, WakeGate.NONE);
        }

        private Replica(String owner, ConvergenceSettings settings, ControlStore control, InventoryStore inventory,
                        WorkQueue queue, TransitionAnnouncer announcer, TransitionSpans spans, WakeGate gate) {
            ConvergencePass pass = new ConvergencePass(control, inventory, queue, settings, owner, announcer, spans,
                    gate);
            this.loop = new ConvergenceLoop(control, pass, () -> revision, new ManualTimer(), settings, clock);
            loops.add(loop);
        }

        /** Applies a revision with these schedules and accounts, as the reconciler does. */
        Replica apply(AccountRegistry accounts, Schedule... schedules) {
            revision = new AppliedRevision("main@sha1:" + Integer.toHexString(List.of(schedules).hashCode()), accounts);
            loop.applyAll(() -> {
                for (Schedule gone : List.copyOf(applied.values())) {
                    if (List.of(schedules).stream().noneMatch(s -> s.name().equals(gone.name()))) {
                        loop.deregister(gone);
                        applied.remove(gone.name());
                    }
                }
                for (Schedule schedule : schedules) {
                    loop.register(schedule, Timeline.of(schedule, HolidaySource.none()));
                    applied.put(schedule.name(), schedule);
                }
            });
            return this;
        }

        Replica run() {
            loop.runOnce();
            return this;
        }
    }

    /**
     * Takes every message off the queue (without acting), decoded: for tests that deliver items themselves. A bundle
     * gives each of its items, as the worker splits it.
     */
    List<WorkItem> take() {
        List<WorkItem> items = new ArrayList<>();
        for (Message message : receiveAll()) {
            codec.itemBodies(message.body()).forEach(body -> items.add(codec.decode(body)));
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
        return items;
    }

    /** Delivers one item to the worker, as the pool would. */
    Outcome deliver(WorkItem item) {
        return worker.handle(new ReceivedMessage("m-" + item.target().key() + "-" + item.transition(),
                codec.encode(item), 1));
    }

    /** Works the queue until it is empty: every item delivered once, in queue order; returns how many. */
    int work() {
        int delivered = 0;
        for (WorkItem item : take()) {
            deliver(item);
            delivered++;
        }
        return delivered;
    }

    Optional<ScheduleIntent> intent() {
        return control().intent(SCHEDULE);
    }

    Capacity capacity(dev.offhours.simulator.Target target) {
        dev.offhours.simulator.Capacity c = fleet.capacity(target);
        return new Capacity(c.min(), c.desired(), c.max());
    }

    List<dev.offhours.simulator.Target> targets() {
        return fleet.targets();
    }

    List<dev.offhours.simulator.Target> targetsIn(String account) {
        return fleet.targets().stream().filter(t -> t.account().equals(account)).toList();
    }

    static dev.offhours.core.work.Target core(dev.offhours.simulator.Target target) {
        return target.kind() == TargetKind.ASG
                ? dev.offhours.core.work.Target.asg(target.account(), target.region(), target.name())
                : dev.offhours.core.work.Target.nodegroup(target.account(), target.region(), target.cluster(),
                        target.name());
    }

    private List<Message> receiveAll() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(60)).messages();
            if (messages.isEmpty()) {
                return all;
            }
            all.addAll(messages);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
