package dev.offhours.reconciler.converge.process;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.TargetKind;
import dev.offhours.store.dynamodb.DynamoDbControlStore;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.simulator.Target;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.worker.SpokeClientFactory;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import dev.offhours.worker.runtime.PoolSettings;
import dev.offhours.worker.runtime.SqsWorkerPool;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.OperationItemCodec;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The shared state of a hub that runs in another process, on moto: the hub tables and the work queue pair, the
 * inventory filled from a simulated fleet (every target awake at a capacity that is clearly awake), and the real
 * worker (SqsWorkerPool and SpokeWorker over the simulator, the DynamoDB stores) in this process. The checks read
 * moto directly, never through a proxy a campaign may have cut.
 */
public final class FleetOnMoto implements AutoCloseable {

    public static final long FIRST_ACCOUNT = 100_000_000_001L;
    /** The fleet's region; the hub's own resources live in moto's default region. */
    public static final String REGION = "eu-west-1";

    /**
     * @param nodegroupsPerAccount EKS node groups besides the ASGs; schedules are dealt to both round robin
     */
    public record Shape(int accounts, int asgsPerAccount, int nodegroupsPerAccount, List<String> schedules,
                        long seed) {
        public int targets() {
            return accounts * (asgsPerAccount + nodegroupsPerAccount);
        }
    }

    private final MotoServer moto;
    private final HubTableDefinitions.TableNames names;
    private final String tablePrefix;
    private final String queueUrl;
    private final String deadLetterUrl;
    private final SimulatedFleet fleet;
    private final Map<String, Capacity> original = new LinkedHashMap<>();
    private final Map<String, String> scheduleOf = new LinkedHashMap<>();
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final DynamoDbOperationStore operations;
    private final DynamoDbInventoryStore inventory;
    private final DynamoDbControlStore control;
    private final List<AutoCloseable> workerResources = new ArrayList<>();

    public FleetOnMoto(MotoServer moto, String prefix, Shape shape, Instant now) {
        this(moto, moto, prefix, shape, now);
    }

    /**
     * With the tables in one moto and the queues in another: moto serves on one core, so a campaign on two cores
     * splits the load.
     */
    public FleetOnMoto(MotoServer tablesMoto, MotoServer queuesMoto, String prefix, Shape shape, Instant now) {
        this.moto = tablesMoto;
        this.tablePrefix = prefix;
        this.names = HubTableDefinitions.TableNames.withPrefix(prefix);
        this.dynamo = LocalAws.client(DynamoDbClient.builder(), tablesMoto.endpoint(), tablesMoto.region(), 16);
        this.sqs = LocalAws.client(SqsClient.builder(), queuesMoto.endpoint(), queuesMoto.region(), 8);
        HubTableDefinitions.createAll(dynamo, names);
        this.deadLetterUrl = sqs.createQueue(b -> b.queueName(prefix + "work-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        this.queueUrl = sqs.createQueue(b -> b.queueName(prefix + "work").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"20\",\"deadLetterTargetArn\":\"" + dlqArn
                        + "\"}"))).queueUrl();
        this.operations = new DynamoDbOperationStore(dynamo, names.operations());
        this.inventory = new DynamoDbInventoryStore(dynamo, names.inventory());
        this.control = new DynamoDbControlStore(dynamo, names.control());
        this.fleet = SimulatedFleet.builder().seed(shape.seed()).noLatency().accounts(shape.accounts())
                .firstAccountId(FIRST_ACCOUNT).regions(REGION).asgsPerAccountRegion(shape.asgsPerAccount())
                .nodegroupsPerAccountRegion(shape.nodegroupsPerAccount()).nodegroupUpdateDuration(Duration.ofSeconds(3))
                .schedules(shape.schedules().toArray(String[]::new)).build();
        seedInventory(now);
    }

    /**
     * Sets every target to a clearly awake capacity (never an asleep shape) and writes its inventory item with that
     * capacity saved as its awake one, as for a target whose tag discovery read, so that the checks can compare every
     * target with a known awake capacity from the first minute.
     */
    private void seedInventory(Instant now) {
        List<InventoryItem> items = new ArrayList<>();
        int index = 0;
        for (Target target : fleet.targets()) {
            Capacity awake = new Capacity(1, 2 + index++ % 3, 8);
            fleet.setCapacity(target, new dev.offhours.simulator.Capacity(awake.min(), awake.desired(), awake.max()));
            String schedule = fleet.tags(target).get("offhours.dev/schedule");
            original.put(key(target), awake);
            scheduleOf.put(key(target), schedule);
            items.add(new InventoryItem(core(target), schedule, fleet.tags(target), awake, awake, TargetState.AWAKE,
                    null, InventoryItem.DISCOVERY, 1, now));
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            int slice = (items.size() + 3) / 4;
            for (int i = 0; i < items.size(); i += slice) {
                List<InventoryItem> part = items.subList(i, Math.min(items.size(), i + slice));
                done.add(writers.submit(() -> part.forEach(inventory::upsert)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot fill the inventory: " + e.getMessage(), e);
        } finally {
            writers.shutdown();
        }
    }

    /** A hub on these tables and this queue, reaching them through the given endpoints. */
    public HubProcessConfig hubConfig(String owner, URI storeEndpoint, URI queueEndpoint, java.nio.file.Path repository,
                                      java.nio.file.Path work, Duration tick, Duration lease, Duration resendAfter,
                                      int pageSize, Duration poll) {
        return new HubProcessConfig(owner, storeEndpoint, queueEndpoint, moto.region(), tablePrefix, queueUrl,
                repository, work.resolve("clone-" + owner), tick, lease, resendAfter, pageSize, poll, 4);
    }

    /**
     * Starts the real worker in this process, on the given endpoints (a proxy may stand in front of moto).
     *
     * @param decorate wraps the worker's handler (a campaign's duplicates and delays); identity for none
     */
    public SqsWorkerPool startWorkers(URI storeEndpoint, URI queueEndpoint, int inFlight,
                                      UnaryOperator<WorkItemHandler> decorate, Clock clock) {
        DynamoDbClient workerDynamo = LocalAws.client(DynamoDbClient.builder(), storeEndpoint, moto.region(),
                inFlight + 8);
        SqsClient workerSqs = LocalAws.client(SqsClient.builder(), queueEndpoint, moto.region(), inFlight + 8);
        DynamoDbInventoryStore workerInventory = new DynamoDbInventoryStore(workerDynamo, names.inventory());
        Pipelines pipelines = new Pipelines(ResilienceSettings.defaults());
        RoleCredentialsCache credentials = new RoleCredentialsCache(fleet.stsAsync(),
                RoleCredentialsCache.Settings.of(fleet.config().roleName(), fleet.config().externalId()), clock,
                pipelines.stsGuard());
        SpokeClients clients = new SpokeClients(SpokeClientFactory.of(fleet::autoScaling, fleet::eks, fleet::autoScalingAsync, fleet::eksAsync), credentials);
        // short delays: the simulated node group updates take seconds, and a campaign has minutes, not hours
        SpokeWorker worker = new SpokeWorker(clients, pipelines,
                new DynamoDbOperationStore(workerDynamo, names.operations()), workerInventory, workerInventory, clock,
                SpokeWorker.Settings.defaults().withDelays(Duration.ofSeconds(3), Duration.ofSeconds(3)));
        SqsWorkerPool pool = new SqsWorkerPool(workerSqs, decorate.apply(worker),
                PoolSettings.defaults(queueUrl, deadLetterUrl).withMaxInFlight(inFlight)
                        .withReceiveWait(Duration.ofSeconds(1)).withVisibilityTimeout(Duration.ofSeconds(30)));
        pool.start();
        workerResources.add(pool);
        workerResources.add(workerSqs);
        workerResources.add(workerDynamo);
        return pool;
    }

    public SimulatedFleet fleet() {
        return fleet;
    }

    public List<Target> targets() {
        return fleet.targets();
    }

    public String queueUrl() {
        return queueUrl;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public Capacity original(Target target) {
        return original.get(key(target));
    }

    public String schedule(Target target) {
        return scheduleOf.get(key(target));
    }

    public Capacity capacity(Target target) {
        dev.offhours.simulator.Capacity c = fleet.capacity(target);
        return new Capacity(c.min(), c.desired(), c.max());
    }

    public Optional<Capacity> savedAwake(Target target) {
        return inventory.find(key(target));
    }

    /**
     * Every operation record, by target key: one paginated Scan. moto answers an index query by reading the whole
     * table, so thousands of byTarget queries would take minutes where this takes seconds.
     */
    public Map<String, List<OperationRecord>> recordsByTarget() {
        Map<String, List<OperationRecord>> records = new HashMap<>();
        dynamo.scanPaginator(b -> b.tableName(names.operations())).items().forEach(item -> {
            OperationRecord record = OperationItemCodec.fromItem(item);
            records.computeIfAbsent(record.targetKey(), k -> new ArrayList<>()).add(record);
        });
        return records;
    }

    /** Every inventory item of the schedules, by target key (a few large pages of the bySchedule index). */
    public Map<String, InventoryItem> inventoryByTarget(List<String> schedules) {
        Map<String, InventoryItem> items = new HashMap<>();
        for (String schedule : schedules) {
            String cursor = null;
            do {
                Page<InventoryItem> page = inventory.bySchedule(schedule, cursor, InventoryStore.MAX_PAGE);
                page.items().forEach(item -> items.put(item.targetKey(), item));
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return items;
    }

    public Optional<ScheduleIntent> intent(String schedule) {
        return control.intent(schedule);
    }

    public List<ScheduleIntent> intents() {
        return control.intents();
    }

    /** Messages on the work queue: visible, in flight and delayed. */
    public int queueDepth() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    /** Messages visible on the work queue (what a hub sent and no worker took yet). */
    public int queueVisible() {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    public static String key(Target target) {
        return core(target).key();
    }

    public static dev.offhours.core.work.Target core(Target target) {
        return target.kind() == TargetKind.ASG
                ? dev.offhours.core.work.Target.asg(target.account(), target.region(), target.name())
                : dev.offhours.core.work.Target.nodegroup(target.account(), target.region(), target.cluster(),
                        target.name());
    }

    /** Stops the workers and closes the clients; the tables and queues stay in moto. */
    @Override
    public void close() {
        for (AutoCloseable resource : workerResources) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing: nothing left to do about it
            }
        }
        dynamo.close();
        sqs.close();
    }
}
