package dev.offhours.store.dynamodb;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.port.CatalogSnapshotStore;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Catalog snapshots in the control table. The content is split into chunks well under DynamoDB's 400 KB item limit,
 * one partition per snapshot ({@code pk = catalog#<digest>}, {@code sk = 0000, 0001, ...}); the pointer item
 * ({@code pk = catalog}, {@code sk = current}) is written last with a condition, so a reader that follows it finds
 * every chunk. Chunks are immutable (their key is the content's digest), so two replicas writing the same revision
 * write the same items. Reads are one GetItem and one Query, both strongly consistent.
 */
public final class DynamoDbCatalogSnapshots implements CatalogSnapshotStore {

    /** Bytes per chunk: with keys and attribute names an item stays far below 400 KB. */
    static final int CHUNK_BYTES = 350_000;
    static final String POINTER_PK = "catalog";
    static final String POINTER_SK = "current";
    private static final String CHUNKS_PK = "catalog#";
    private static final String DATA = "data";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final DynamoDbCalls calls;

    public DynamoDbCatalogSnapshots(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.calls = new DynamoDbCalls(tableName);
    }

    @Override
    public boolean publish(CatalogSnapshot snapshot) {
        byte[] content = snapshot.content();
        for (int index = 0, offset = 0; offset < content.length || index == 0; index++, offset += CHUNK_BYTES) {
            Map<String, AttributeValue> chunk = new HashMap<>(chunkKey(snapshot.digest(), index));
            chunk.put(DATA, AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Arrays.copyOfRange(content, offset,
                    Math.min(content.length, offset + CHUNK_BYTES)))));
            calls.call("write chunk " + index + " of the catalog snapshot of " + snapshot.revision(),
                    () -> dynamo.putItem(b -> b.tableName(tableName).item(chunk)));
        }
        AtomicReference<Map<String, AttributeValue>> before = new AtomicReference<>();
        boolean current = calls.conditionally("point at the catalog snapshot of " + snapshot.revision(),
                () -> before.set(dynamo.putItem(b -> b.tableName(tableName).item(pointerItem(snapshot.pointer()))
                        .conditionExpression("attribute_not_exists(#pk) OR #at <= :at")
                        .expressionAttributeNames(Map.of("#pk", HubTableDefinitions.PK, "#at", "appliedAt"))
                        .expressionAttributeValues(Map.of(":at",
                                ControlItems.s(SortableInstant.format(snapshot.appliedAt()))))
                        .returnValues(ReturnValue.ALL_OLD)).attributes()));
        if (current) {
            Map<String, AttributeValue> old = before.get();
            if (old != null && !old.isEmpty() && !old.get("digest").s().equals(snapshot.digest())) {
                delete(pointer(old));
            }
        } else if (pointer().map(p -> !p.digest().equals(snapshot.digest())).orElse(true)) {
            delete(snapshot.pointer());
        }
        return current;
    }

    @Override
    public Optional<CatalogSnapshot.Pointer> pointer() {
        Map<String, AttributeValue> item = calls.call("read the catalog snapshot pointer", () -> dynamo.getItem(b -> b
                .tableName(tableName).key(ControlItems.key(POINTER_PK, POINTER_SK)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(pointer(item));
    }

    @Override
    public Optional<CatalogSnapshot> read(CatalogSnapshot.Pointer pointer) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(pointer.size());
        Map<String, AttributeValue> start = null;
        int expected = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = calls.call("read the catalog snapshot of " + pointer.revision(), () -> dynamo.query(b -> b
                    .tableName(tableName).keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", HubTableDefinitions.PK))
                    .expressionAttributeValues(Map.of(":pk", ControlItems.s(CHUNKS_PK + pointer.digest())))
                    .exclusiveStartKey(from).consistentRead(true)));
            for (Map<String, AttributeValue> chunk : page.items()) {
                if (!chunk.get(HubTableDefinitions.SK).s().equals(index(expected++))) {
                    return Optional.empty(); // a chunk missing in the middle: deleted while we read
                }
                content.writeBytes(chunk.get(DATA).b().asByteArray());
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        byte[] bytes = content.toByteArray();
        if (bytes.length != pointer.size() || !CatalogSnapshot.sha256Hex(bytes).equals(pointer.digest())) {
            return Optional.empty();
        }
        return Optional.of(new CatalogSnapshot(pointer.revision(), pointer.appliedAt(), bytes, pointer.digest()));
    }

    private void delete(CatalogSnapshot.Pointer gone) {
        int chunks = Math.max(1, (gone.size() + CHUNK_BYTES - 1) / CHUNK_BYTES);
        for (int index = 0; index < chunks; index++) {
            Map<String, AttributeValue> key = chunkKey(gone.digest(), index);
            calls.call("delete a chunk of the catalog snapshot of " + gone.revision(),
                    () -> dynamo.deleteItem(b -> b.tableName(tableName).key(key)));
        }
    }

    private static Map<String, AttributeValue> pointerItem(CatalogSnapshot.Pointer pointer) {
        Map<String, AttributeValue> item = new HashMap<>(ControlItems.key(POINTER_PK, POINTER_SK));
        item.put("revision", ControlItems.s(pointer.revision()));
        item.put("appliedAt", ControlItems.s(SortableInstant.format(pointer.appliedAt())));
        item.put("digest", ControlItems.s(pointer.digest()));
        item.put("size", AttributeValue.fromN(Integer.toString(pointer.size())));
        return item;
    }

    private static CatalogSnapshot.Pointer pointer(Map<String, AttributeValue> item) {
        return new CatalogSnapshot.Pointer(item.get("revision").s(), SortableInstant.parse(item.get("appliedAt").s()),
                item.get("digest").s(), Integer.parseInt(item.get("size").n()));
    }

    private static Map<String, AttributeValue> chunkKey(String digest, int index) {
        return ControlItems.key(CHUNKS_PK + digest, index(index));
    }

    private static String index(int index) {
        return String.format("%04d", index);
    }
}
