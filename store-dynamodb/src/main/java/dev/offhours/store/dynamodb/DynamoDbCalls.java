package dev.offhours.store.dynamodb;

import dev.offhours.core.port.StoreRefusedException;
import dev.offhours.core.port.StoreUnavailableException;
import dev.offhours.aws.AwsErrors;
import dev.offhours.aws.AwsFailure;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * How every DynamoDB adapter of one table talks to the SDK: a failed condition is an answer (false); any other SDK
 * failure is classified by {@link AwsErrors#classify}: throttling, a 5xx or the network is the port's transient
 * {@link StoreUnavailableException}, access denied, a missing table or an invalid request its permanent
 * {@link StoreRefusedException}. Both name the table and what was attempted.
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
        return failure(tableName, "cannot " + what + " in " + tableName, e);
    }

    /** The port's exception for an SDK failure of {@code table}: transient or refused, as classified. */
    public static StoreUnavailableException failure(String table, String attempted, SdkException e) {
        AwsFailure failure = AwsErrors.classify(e);
        if (failure.retries()) {
            return new StoreUnavailableException(attempted + ": " + e.getMessage(), e);
        }
        String code = AwsErrors.errorCode(e);
        String fix = switch (failure) {
            case ACCESS_DENIED -> "the hub's role may not use table " + table + "; grant it (the hub stack does)";
            default -> "ResourceNotFoundException".equals(code)
                    ? "table " + table + " does not exist in this account and region; create it (the hub stack does)"
                    : "the request is invalid for table " + table + "; retrying does not help";
        };
        return new StoreRefusedException(attempted + ": " + code + ": " + e.getMessage() + " (" + fix + ")", code, e);
    }
}
