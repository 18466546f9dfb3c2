package dev.offhours.worker.runtime.lambda;

import dev.offhours.worker.WorkItemHandler;
import software.amazon.awssdk.regions.Region;

/** Builds the real work-item handler for the Lambda function from its configuration. */
final class HubWorkerFactory {

    private HubWorkerFactory() {
    }

    static WorkItemHandler build(Region region, String operationsTable, String spokeRoleName,
                                 String externalIdParameter) {
        throw new IllegalStateException("the worker's handler is not wired yet");
    }
}
