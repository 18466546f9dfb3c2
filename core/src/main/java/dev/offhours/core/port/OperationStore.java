package dev.offhours.core.port;

import java.util.List;
import java.util.Optional;

/**
 * The operation records of the hub. Writes are conditional: a record can be created once per key and then only
 * move forward ({@link OperationStatus#mayBecome}), so a redelivered work item can neither record twice nor
 * regress a final status. Implementations throw {@link StoreUnavailableException} for transient failures.
 */
public interface OperationStore {

    Optional<OperationRecord> find(OperationRecord.Key key);

    /**
     * Writes {@code record} if no record has its key or the existing one may become its status.
     *
     * @return true if written; false if an existing record forbade it (nothing changed)
     */
    boolean save(OperationRecord record);

    /** Every record of one target, newest first (the {@code byTarget} index). */
    List<OperationRecord> byTarget(String targetKey, int limit);
}
