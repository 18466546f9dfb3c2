package dev.offhours.worker.store;

import dev.offhours.core.port.StoreUnavailableException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * How every DynamoDB adapter of one table talks to the SDK: a failed condition is an answer (false), any other SDK
 * failure is the port's transient {@link StoreUnavailableException}, naming the table and what was attempted.
 */
public final class DynamoDbCalls {

    private final String tableName;

    public DynamoDbCalls(String tableName) {
        this.tableName = tableName;
    }

    /** Runs a conditional write: true if applied, false if its condition failed. */
    public boolean conditionally(String what, Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw unavailable(what, e);
        }
    }

    public <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw unavailable(what, e);
        }
    }

    public StoreUnavailableException unavailable(String what, SdkException e) {
        return new StoreUnavailableException("cannot " + what + " in " + tableName + ": " + e.getMessage(), e);
    }
}
