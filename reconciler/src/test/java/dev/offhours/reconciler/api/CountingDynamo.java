package dev.offhours.reconciler.api;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every DynamoDB call a client makes: service, operation, and for reads the items read and returned. */
final class CountingDynamo implements ExecutionInterceptor {

    record Call(String service, String operation, int scanned, int returned, SdkRequest request) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean recording = true;

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!recording) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (context.response() instanceof QueryResponse q) {
            calls.add(new Call(service, operation, q.scannedCount(), q.count(), context.request()));
        } else if (context.response() instanceof GetItemResponse g) {
            int found = g.hasItem() && !g.item().isEmpty() ? 1 : 0;
            calls.add(new Call(service, operation, found, found, context.request()));
        } else {
            calls.add(new Call(service, operation, 0, 0, context.request()));
        }
    }

    void pause() {
        recording = false;
    }

    void restart() {
        calls.clear();
        recording = true;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Map<String, Integer> byOperation() {
        Map<String, Integer> counts = new TreeMap<>();
        calls.forEach(c -> counts.merge(c.service() + ":" + c.operation(), 1, Integer::sum));
        return counts;
    }

    long itemsRead() {
        return calls.stream().mapToLong(Call::scanned).sum();
    }
}
