package dev.offhours.store.dynamodb;

import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Newest-first listing of a GSI whose partition is {@code <day>#<shard>}: days from the window's end backwards, and in
 * each day a merge of the shards' newest-first Queries. A shard is read in small pages only when the merge needs its
 * next item, sized to what the page still lacks beyond the buffered items, so a page reads about as many items as it
 * returns (see mergeDay for the bound). The cursor
 * holds the day and, per shard, the key of the last item returned (or {@code done}).
 */
final class DayShardMerge {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String DONE = "done";
    private static final int SHARDS = TableDefinitions.RECENT_SHARDS;

    private final String index;
    private final String shardAttribute;
    private final String lower;
    private final String upper;
    private final Function<QueryRequest, QueryResponse> query;
    private final String tableName;

    DayShardMerge(String index, String shardAttribute, Instant from, Instant to,
                  Function<QueryRequest, QueryResponse> query, String tableName) {
        this.index = index;
        this.shardAttribute = shardAttribute;
        Instant first = from.truncatedTo(ChronoUnit.MILLIS);
        this.lower = MILLIS.format(first.isBefore(from) ? first.plusMillis(1) : first);
        this.upper = MILLIS.format(to.minusNanos(1).truncatedTo(ChronoUnit.MILLIS));
        this.query = query;
        this.tableName = tableName;
    }

    Page<OperationRecord> page(String cursor, int limit) {
        Map<String, String> position = cursor == null ? new HashMap<>() : decode(cursor);
        LocalDate day = cursor == null ? LocalDate.parse(upper.substring(0, 10)) : LocalDate.parse(position.get("d"));
        LocalDate firstDay = LocalDate.parse(lower.substring(0, 10));
        List<OperationRecord> records = new ArrayList<>();
        while (!day.isBefore(firstDay)) {
            Shard[] shards = new Shard[SHARDS];
            for (int i = 0; i < SHARDS; i++) {
                shards[i] = new Shard(day + "#" + i, position.get("s" + i));
            }
            mergeDay(shards, records, limit);
            if (records.size() == limit) {
                return new Page<>(records, encode(day, shards));
            }
            day = day.minusDays(1);
            position = new HashMap<>();
        }
        return Page.last(records);
    }

    private void mergeDay(Shard[] shards, List<OperationRecord> records, int limit) {
        while (records.size() < limit) {
            int active = 0;
            int buffered = 0;
            for (Shard shard : shards) {
                active += shard.needsFetch() ? 1 : 0;
                buffered += shard.buffer.size();
            }
            // Read only what the page may still need beyond the items already buffered (at least one item from a
            // shard whose head the merge must see): reads stay within the page's items plus a few heads per day.
            int size = Math.max(1, (limit - records.size() - buffered) / Math.max(active, 1));
            Shard newest = null;
            for (Shard shard : shards) {
                if (shard.needsFetch()) {
                    shard.fetch(size);
                }
                if (!shard.buffer.isEmpty() && (newest == null || shard.headCreatedAt().compareTo(newest.headCreatedAt()) > 0)) {
                    newest = shard;
                }
            }
            if (newest == null) {
                return;
            }
            records.add(OperationItemCodec.fromItem(newest.pop()));
        }
    }

    private String encode(LocalDate day, Shard[] shards) {
        Map<String, String> fields = new HashMap<>(Map.of("k", index, "d", day.toString()));
        for (int i = 0; i < SHARDS; i++) {
            String state = shards[i].cursorState();
            if (state != null) {
                fields.put("s" + i, state);
            }
        }
        return KeyCursor.encode(fields);
    }

    /**
     * The cursor's position, only if it is one this window can have issued: its day inside the window and each
     * shard {@code done} or after an item inside the window. Anything else is refused before a Query: a day outside
     * would walk days the window does not hold, a start key outside is DynamoDB's ValidationException.
     */
    private Map<String, String> decode(String cursor) {
        Map<String, String> fields = new HashMap<>(KeyCursor.decode(cursor));
        String day = fields.get("d");
        if (!index.equals(fields.get("k")) || day == null || !day.matches("\\d{4}-\\d{2}-\\d{2}")
                || day.compareTo(lower.substring(0, 10)) < 0 || day.compareTo(upper.substring(0, 10)) > 0) {
            throw KeyCursor.invalid(cursor);
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            boolean known = name.equals("k") || name.equals("d")
                    || (name.matches("s\\d{1,2}") && Integer.parseInt(name.substring(1)) < SHARDS
                    && validState(day, field.getValue()));
            if (!known) {
                throw KeyCursor.invalid(cursor);
            }
        }
        return fields;
    }

    private boolean validState(String day, String state) {
        if (DONE.equals(state)) {
            return true;
        }
        String[] parts = state.split("\n", 3);
        return parts.length == 3 && parts[0].startsWith(day) && parts[0].compareTo(lower) >= 0
                && parts[0].compareTo(upper) <= 0 && !parts[1].isEmpty() && !parts[2].isEmpty();
    }

    /** One {@code <day>#<shard>} partition being merged: the items read and not yet returned, and where to go on. */
    private final class Shard {
        private final String partition;
        private final ArrayDeque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
        private Map<String, AttributeValue> startKey;
        private boolean exhausted;
        private String lastReturned;

        Shard(String partition, String state) {
            this.partition = partition;
            this.exhausted = DONE.equals(state);
            this.lastReturned = state;
            if (state != null && !exhausted) {
                String[] parts = state.split("\n", 3);
                startKey = Map.of(shardAttribute, AttributeValue.fromS(partition),
                        TableDefinitions.CREATED_AT, AttributeValue.fromS(parts[0]),
                        TableDefinitions.PK, AttributeValue.fromS(parts[1]), TableDefinitions.SK, AttributeValue.fromS(parts[2]));
            }
        }

        boolean needsFetch() {
            return buffer.isEmpty() && !exhausted;
        }

        void fetch(int size) {
            QueryResponse response = query.apply(QueryRequest.builder().tableName(tableName).indexName(index)
                    .keyConditionExpression("#p = :p AND #c BETWEEN :lo AND :hi")
                    .expressionAttributeNames(Map.of("#p", shardAttribute, "#c", TableDefinitions.CREATED_AT))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition),
                            ":lo", AttributeValue.fromS(lower), ":hi", AttributeValue.fromS(upper)))
                    .scanIndexForward(false).exclusiveStartKey(startKey).limit(size).build());
            buffer.addAll(response.items());
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            exhausted = startKey == null;
        }

        String headCreatedAt() {
            return buffer.peekFirst().get(TableDefinitions.CREATED_AT).s();
        }

        Map<String, AttributeValue> pop() {
            Map<String, AttributeValue> item = buffer.pollFirst();
            lastReturned = item.get(TableDefinitions.CREATED_AT).s() + "\n" + item.get(TableDefinitions.PK).s() + "\n"
                    + item.get(TableDefinitions.SK).s();
            return item;
        }

        /** Where the next page starts in this shard: after the last item returned, {@code done}, or null (start). */
        String cursorState() {
            return buffer.isEmpty() && exhausted ? DONE : lastReturned;
        }
    }
}
