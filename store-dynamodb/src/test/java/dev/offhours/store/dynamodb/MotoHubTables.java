package dev.offhours.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.testsupport.MotoServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The three hub tables in moto, created from {@link HubTableDefinitions}, behind a client that counts its calls by
 * operation name so a test can prove that no listing ever scans.
 */
final class MotoHubTables implements ExecutionInterceptor, AutoCloseable {

    static final HubTableDefinitions.TableNames NAMES = HubTableDefinitions.TableNames.withPrefix("offhours-test-");

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder scanned = new LongAdder();
    private final LongAdder returned = new LongAdder();
    private final DynamoDbClient dynamo;

    MotoHubTables(MotoServer moto) {
        this.dynamo = moto.client(DynamoDbClient.builder().overrideConfiguration(c -> c.addExecutionInterceptor(this)));
        HubTableDefinitions.createAll(dynamo, NAMES);
        calls.clear();
    }

    DynamoDbClient client() {
        return dynamo;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder()).increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof QueryResponse query) {
            scanned.add(query.scannedCount());
            returned.add(query.count());
        }
    }

    /** Items the Queries read (ScannedCount) and returned (Count) since the last {@link #resetCounts()}. */
    long itemsScanned() {
        return scanned.sum();
    }

    long itemsReturned() {
        return returned.sum();
    }

    void resetCounts() {
        scanned.reset();
        returned.reset();
    }

    long calls(String operation) {
        LongAdder count = calls.get(operation);
        return count == null ? 0 : count.sum();
    }

    /** Fails unless the test made DynamoDB calls, none of them a Scan. */
    void assertNeverScanned() {
        assertThat(calls).as("DynamoDB calls by operation").isNotEmpty().doesNotContainKey("Scan");
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
