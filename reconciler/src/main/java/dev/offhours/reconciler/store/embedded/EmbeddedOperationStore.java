package dev.offhours.reconciler.store.embedded;

import static dev.offhours.store.dynamodb.SortableInstant.format;

import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.port.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * The operations table in the embedded store, with the same conditional writes as DynamoDB (a record moves only
 * forward, {@link OperationStatus#mayBecome}). Map {@code operations} keyed {@code <schedule> NUL <transition> NUL
 * <target key>}; index maps whose keys end with that record key: {@code operations.byTarget} ({@code <target key> NUL
 * <createdAt>}), {@code operations.recent} ({@code <createdAt>}, one map: no write hot spot to spread here) and the
 * sparse {@code operations.failures} (FAILED records only). Index entries are checked against the record on read.
 */
public final class EmbeddedOperationStore implements OperationStore, OperationHistory {

    private static final int CREATED_WIDTH = format(Instant.EPOCH).length();

    private final EmbeddedHubStore hub;
    private final MVMap<String, String> records;
    private final MVMap<String, String> byTarget;
    private final MVMap<String, String> recent;
    private final MVMap<String, String> failures;

    EmbeddedOperationStore(EmbeddedHubStore hub) {
        this.hub = hub;
        this.records = hub.map("operations");
        this.byTarget = hub.map("operations.byTarget");
        this.recent = hub.map("operations.recent");
        this.failures = hub.map("operations.failures");
    }

    @Override
    public Optional<OperationRecord> find(OperationRecord.Key key) {
        return Optional.ofNullable(decode(records.get(key(key))));
    }

    @Override
    public boolean save(OperationRecord record) {
        String key = key(record.key());
        hub.writeLock().lock();
        try {
            OperationRecord stored = decode(records.get(key));
            if (stored != null && !stored.status().mayBecome(record.status())) {
                return false;
            }
            IndexKeys now = IndexKeys.of(record, key);
            now.put(this);
            records.put(key, EmbeddedJson.write(record));
            if (stored != null) {
                IndexKeys.of(stored, key).removeUnless(now, this);
            }
            return true;
        } finally {
            hub.writeLock().unlock();
        }
    }

    @Override
    public List<OperationRecord> byTarget(String targetKey, int limit) {
        return byTarget(targetKey, null, limit).items();
    }

    @Override
    public Page<OperationRecord> latest(Instant from, Instant to, String cursor, int limit) {
        return newestFirst(recent, "", from, to, cursor, limit);
    }

    @Override
    public Page<OperationRecord> failures(Instant from, Instant to, String cursor, int limit) {
        return newestFirst(failures, "", from, to, cursor, limit);
    }

    @Override
    public Page<OperationRecord> byTarget(String targetKey, String cursor, int limit) {
        return newestFirst(byTarget, targetKey + Keys.SEP, Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"), cursor,
                limit);
    }

    @Override
    public Page<OperationRecord> byTransition(String schedule, Instant transition, String cursor, int limit) {
        OperationHistory.checkLimit(limit);
        String low = Keys.join(schedule, format(transition), "");
        String high = Keys.join(schedule, format(transition)) + '\u0001';
        String after = cursor == null ? null : Keys.fromCursor(cursor, low, high);
        Keys.Slice<OperationRecord> slice = Keys.range(records, low, high, false, after, limit,
                entry -> decode(entry.getValue()));
        return new Page<>(slice.values(), slice.nextCursor());
    }

    /** Entries of an index whose keys are {@code prefix + createdAt + NUL + record key}, newest first. */
    private Page<OperationRecord> newestFirst(MVMap<String, String> index, String prefix, Instant from, Instant to,
                                              String cursor, int limit) {
        OperationHistory.checkLimit(limit);
        OperationHistory.checkWindow(from, to);
        String high = prefix + format(to);
        String low = prefix + format(from);
        String after = cursor == null ? null : Keys.fromCursor(cursor, low, high);
        Keys.Slice<OperationRecord> slice = Keys.range(index, high, low, true, after, limit, entry -> {
            String recordKey = entry.getKey().substring(prefix.length() + CREATED_WIDTH + 1);
            OperationRecord record = decode(records.get(recordKey));
            // an entry left behind by an interrupted write no longer matches its record
            return record != null && IndexKeys.of(record, recordKey).has(index, entry.getKey(), this) ? record : null;
        });
        return new Page<>(slice.values(), slice.nextCursor());
    }

    /** The index entries of one record: byTarget and recent always, failures only when FAILED (else null). */
    private record IndexKeys(String byTarget, String recent, String failure) {

        static IndexKeys of(OperationRecord record, String key) {
            String created = format(record.createdAt());
            String recentKey = Keys.join(created, key);
            return new IndexKeys(Keys.join(record.targetKey(), created, key), recentKey,
                    record.status() == OperationStatus.FAILED ? recentKey : null);
        }

        void put(EmbeddedOperationStore store) {
            store.byTarget.put(byTarget, "");
            store.recent.put(recent, "");
            if (failure != null) {
                store.failures.put(failure, "");
            }
        }

        /** Removes the entries of this (older) version of a record that {@code now} no longer has. */
        void removeUnless(IndexKeys now, EmbeddedOperationStore store) {
            if (!byTarget.equals(now.byTarget)) {
                store.byTarget.remove(byTarget);
            }
            if (!recent.equals(now.recent)) {
                store.recent.remove(recent);
            }
            if (failure != null && !failure.equals(now.failure)) {
                store.failures.remove(failure);
            }
        }

        boolean has(MVMap<String, String> index, String entryKey, EmbeddedOperationStore store) {
            String expected = index == store.byTarget ? byTarget : index == store.recent ? recent : failure;
            return entryKey.equals(expected);
        }
    }

    private static String key(OperationRecord.Key key) {
        return Keys.join(key.schedule(), format(key.transition()), key.targetKey());
    }

    private static OperationRecord decode(String json) {
        return json == null ? null : EmbeddedJson.read(json, OperationRecord.class);
    }
}
