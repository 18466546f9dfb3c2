package dev.offhours.reconciler.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.work.Action;
import dev.offhours.store.dynamodb.DynamoDbControlStore;
import dev.offhours.store.dynamodb.DynamoDbOperationHistory;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.OperationItemCodec;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import dev.offhours.store.dynamodb.KeyCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API over the hub's DynamoDB tables in moto, with every call counted: request paths use Query and GetItem only
 * (no Scan), read no item a Query then drops (ScannedCount == Count), and {@code /v1/operations/latest} reads about
 * as many items as it returns even with 100,000 records in the table.
 */
class DynamoDbApiTest {

    static final Instant NOW = Instant.parse("2026-03-25T09:00:00Z");
    static final HubTableDefinitions.TableNames NAMES = HubTableDefinitions.TableNames.withPrefix("api-test-");
    /**
     * Records loaded for the read-amplification test. moto loads 100,000 in about 70 s but then answers each GSI
     * Query in about 2 s (it filters every item in Python), so 100,000 takes about 5 minutes: the default keeps the
     * suite fast; {@code -Doffhours.api.bulkRecords=100000} runs the full size (figures in the closing note).
     */
    static final int BULK_RECORDS = Integer.getInteger("offhours.api.bulkRecords", 20_000);
    static final int SHARDS = 10;
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private final CountingDynamo counter = new CountingDynamo();
    private DynamoDbClient dynamo;
    private ApiServer server;

    private ApiServer start(ScheduleCatalog catalog, String name) {
        dynamo = MOTO.server().client(DynamoDbClient.builder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)));
        HubTableDefinitions.createAll(dynamo, NAMES);
        var control = new DynamoDbControlStore(dynamo, NAMES.control());
        var inventory = new DynamoDbInventoryStore(dynamo, NAMES.inventory());
        var operations = new DynamoDbOperationStore(dynamo, NAMES.operations());
        HubSeed.seed(catalog, NOW, control, inventory, operations);
        server = new ApiServer(new ApiDependencies(() -> catalog, control, inventory,
                new DynamoDbOperationHistory(dynamo, NAMES.operations()), operations,
                Clock.fixed(NOW, ZoneOffset.UTC)), Path.of("target", "api-test", name));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @Test
    void everyEndpointReadsTheHubTablesWithQueryAndGetItemOnly() throws Exception {
        ScheduleCatalog catalog = HubSeed.templateCatalog();
        start(catalog, "dynamodb-endpoints");
        counter.restart();
        String failedId = null;
        for (String path : List.of("/v1/status", "/v1/schedules", "/v1/schedules/payments-dev", "/v1/accounts",
                "/v1/orphans",
                "/v1/targets?schedule=payments-dev", "/v1/targets?account=222233334444&region=eu-west-1&state=ASLEEP",
                "/v1/operations/latest?limit=7", "/v1/operations?status=FAILED",
                "/v1/operations?schedule=ml-sandbox", "/v1/operations?target=666677778888%23ap-south-1%23asg%23ml-sandbox-runners")) {
            ApiServer.Answer answer = server.get(path);
            assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
            if (path.contains("FAILED")) {
                failedId = JSON.readTree(answer.body()).path("items").get(0).path("id").asText();
            }
        }
        assertThat(server.get("/v1/operations/" + failedId).status()).isEqualTo(200);

        assertThat(counter.byOperation().keySet()).containsOnly("DynamoDb:Query", "DynamoDb:GetItem");
        for (CountingDynamo.Call call : counter.calls()) {
            assertThat(call.scanned()).as("items read by %s", call.request()).isEqualTo(call.returned());
        }
    }

    @Test
    void aMissingTableIsA500ThatSaysRetryingDoesNotHelpNotA503() throws Exception {
        ScheduleCatalog catalog = HubSeed.templateCatalog();
        dynamo = MOTO.server().client(DynamoDbClient.builder());
        HubTableDefinitions.createAll(dynamo, NAMES);
        var operations = new DynamoDbOperationStore(dynamo, NAMES.operations());
        server = new ApiServer(new ApiDependencies(() -> catalog, new DynamoDbControlStore(dynamo, NAMES.control()),
                new DynamoDbInventoryStore(dynamo, NAMES.inventory()),
                new DynamoDbOperationHistory(dynamo, "no-such-table"), operations, Clock.fixed(NOW, ZoneOffset.UTC)),
                Path.of("target", "api-test", "dynamodb-missing-table"));

        ApiServer.Answer answer = server.get("/v1/operations/latest");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.headers()).doesNotContainKey("retry-after");
        assertThat(JSON.readTree(answer.body()).path("message").asText()).contains("ResourceNotFoundException")
                .contains("retrying does not help");
    }

    @Test
    void forgedStoreCursorsAreRefusedWith400BeforeAnyQuery() throws Exception {
        start(HubSeed.templateCatalog(), "dynamodb-forged-cursors");
        String from = NOW.minus(Duration.ofDays(7)).toString();
        String to = NOW.toString();
        String target = "666677778888#ap-south-1#asg#ml-sandbox-runners";
        Map<String, String> forged = new java.util.LinkedHashMap<>();
        forged.put("latest: a day long before the window", ApiCursor.encode("latest", List.of(from, to),
                KeyCursor.encode(Map.of("k", "recent", "d", "9999-12-31"))));
        forged.put("latest: a shard state without its key", ApiCursor.encode("latest", List.of(from, to),
                KeyCursor.encode(Map.of("k", "recent", "d", "2026-03-24", "s0", "no-newlines"))));
        forged.put("latest: a shard position outside the window", ApiCursor.encode("latest", List.of(from, to),
                KeyCursor.encode(Map.of("k", "recent", "d", "2026-03-24", "s0", "2020-01-01T00:00:00.000Z\npk\nsk"))));
        forged.put("latest: a shard that does not exist", ApiCursor.encode("latest", List.of(from, to),
                KeyCursor.encode(Map.of("k", "recent", "d", "2026-03-24", "s99", "done"))));
        forged.put("target: a start key with another attribute", ApiCursor.encode("target",
                List.of(target, "null", Instant.MIN.toString()),
                KeyCursor.encode(Map.of("targetKey", target, "createdAt", "2026-03-24T00:00:00.000Z", "pk", "p",
                        "sk", "s", "ttl", "1"))));
        forged.put("target: an empty key value", ApiCursor.encode("target",
                List.of(target, "null", Instant.MIN.toString()),
                KeyCursor.encode(Map.of("targetKey", target, "createdAt", "2026-03-24T00:00:00.000Z", "pk", "",
                        "sk", "s"))));
        counter.restart();
        for (Map.Entry<String, String> cursor : forged.entrySet()) {
            String path = cursor.getKey().startsWith("latest") ? "/v1/operations/latest?cursor=" + cursor.getValue()
                    : "/v1/operations?target=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8)
                    + "&cursor=" + cursor.getValue();
            ApiServer.Answer answer = server.get(path);
            assertThat(answer.status()).as("%s: %s", cursor.getKey(), answer.body()).isEqualTo(400);
        }
        assertThat(counter.calls()).as("Queries sent for forged cursors").isEmpty();
    }

    @Test
    void latestOperationsReadAboutAsManyItemsAsTheyReturnWithManyRecordsInTheTable() throws Exception {
        ScheduleCatalog catalog = HubSeed.templateCatalog();
        start(catalog, "dynamodb-latest");
        long loadStarted = System.nanoTime();
        bulkLoad(BULK_RECORDS);
        System.out.printf("moto.bulkLoad.records: %d%nmoto.bulkLoad.seconds: %.1f%n", BULK_RECORDS,
                (System.nanoTime() - loadStarted) / 1e9);

        String cursor = null;
        long returned = 0;
        long read = 0;
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            counter.restart();
            JsonNode body = JSON.readTree(server.get("/v1/operations/latest?limit=50"
                    + (cursor == null ? "" : "&cursor=" + cursor)).body());
            int items = body.path("items").size();
            long pageRead = counter.itemsRead();
            body.path("items").forEach(o -> seen.add(o.path("createdAt").asText()));
            assertThat(items).isEqualTo(50);
            assertThat(counter.byOperation().keySet()).containsOnly("DynamoDb:Query");
            // Exactly equal is impossible for a newest-first merge of hash-sharded partitions: the merge must see
            // each shard's head before it knows the head is not on the page. Reads are sized to what the page still
            // lacks, so at most one unreturned head per other shard is read.
            assertThat(pageRead).as("items read for a page of %d", items).isLessThanOrEqualTo(items + SHARDS - 1);
            counter.calls().forEach(c -> assertThat(c.scanned()).isEqualTo(c.returned()));
            System.out.printf("moto.latest.page%d.itemsReturned: %d%nmoto.latest.page%d.itemsRead: %d%n"
                    + "moto.latest.page%d.queries: %d%n", page, items, page, pageRead, page, counter.calls().size());
            returned += items;
            read += pageRead;
            cursor = body.path("nextCursor").asText();
        }
        assertThat(seen).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        assertThat(seen).doesNotHaveDuplicates();
        System.out.printf("moto.latest.itemsRead: %d%nmoto.latest.itemsReturned: %d%n", read, returned);
    }

    private void bulkLoad(int count) throws Exception {
        counter.pause();
        Instant newest = NOW.minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> loads = new ArrayList<>();
        int perBatch = 25;
        for (int start = 0; start < count; start += perBatch) {
            int from = start;
            loads.add(pool.submit(() -> writeBatch(from, Math.min(count, from + perBatch), newest)));
        }
        for (Future<?> load : loads) {
            load.get();
        }
        pool.shutdown();
    }

    private Void writeBatch(int from, int to, Instant newest) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            // one record every 5 s going back (100,000 records span about 6 days), on 2,000 targets
            Instant created = newest.minusMillis(5_000L * i);
            Instant transition = created.truncatedTo(ChronoUnit.HOURS);
            String target = "111122223333#eu-central-1#asg#bulk-" + (i % 2000);
            OperationRecord record = new OperationRecord("bulk", transition, target, Action.SLEEP,
                    new Capacity(1, 2, 3), new Capacity(0, 0, 0), OperationStatus.SUCCEEDED, 1, null, "ok",
                    Duration.ofMillis(100), null, null, created, created, created.plus(Duration.ofDays(30))
                    .truncatedTo(ChronoUnit.SECONDS));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(OperationItemCodec.toItem(record)).build()).build());
        }
        Map<String, List<WriteRequest>> pending = Map.of(NAMES.operations(), writes);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> batch = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(batch));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
        return null;
    }
}
