package dev.offhours.worker.runtime.lambda;

import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.tracing.Tracing;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The Lambda function's wiring, read from its environment once per container:
 *
 * <table>
 * <tr><td>{@code OFFHOURS_DEAD_LETTER_QUEUE_URL}</td><td>where rejected work items go, with their reason</td></tr>
 * <tr><td>{@code OFFHOURS_OPERATIONS_TABLE}</td><td>DynamoDB operations table</td></tr>
 * <tr><td>{@code OFFHOURS_INVENTORY_TABLE}</td><td>DynamoDB inventory table: saved awake capacities, each
 * outcome (the event-driven inventory relies on the worker recording offhours' own changes) and the intent marks
 * that order the work on each target</td></tr>
 * <tr><td>{@code OFFHOURS_SPOKE_ROLE_NAME}</td><td>role assumed in every spoke account</td></tr>
 * <tr><td>{@code OFFHOURS_EXTERNAL_ID}</td><td>the ExternalId the spoke roles expect (an identifier, not a secret,
 * so a plain variable: no SSM client in the jar)</td></tr>
 * <tr><td>{@code OFFHOURS_WORKER_ENVIRONMENTS}</td><td>optional: the event source mapping's maximum concurrency
 * (default 1); each environment takes that share of the hub's STS quota, so that together they stay within it</td></tr>
 * <tr><td>{@code AWS_REGION}</td><td>the hub's region (set by Lambda)</td></tr>
 * <tr><td>{@code AWS_ENDPOINT_URL}</td><td>optional: one endpoint for every AWS call (an emulator), as the SDK's
 * own variable of that name</td></tr>
 * <tr><td>{@code OTEL_TRACES_EXPORTER} and the other {@code OTEL_*}</td><td>optional: traces (see
 * {@link Tracing}); off when no exporter is named</td></tr>
 * </table>
 *
 * <p>To run the function outside Lambda, e.g. against an emulator with {@code AWS_ENDPOINT_URL}, with these variables
 * set: {@code java -cp offhours-worker-lambda.jar dev.offhours.worker.runtime.lambda.LocalInvoke event.json}
 * ({@link LocalInvoke}) handles one SQS event file and prints the batch response as JSON.
 */
record LambdaWiring(WorkItemHandler handler, SqsClient sqs, String deadLetterQueueUrl) {

    static final String DEAD_LETTER_QUEUE_URL = "OFFHOURS_DEAD_LETTER_QUEUE_URL";
    static final String OPERATIONS_TABLE = "OFFHOURS_OPERATIONS_TABLE";
    static final String INVENTORY_TABLE = "OFFHOURS_INVENTORY_TABLE";
    static final String SPOKE_ROLE_NAME = "OFFHOURS_SPOKE_ROLE_NAME";
    static final String EXTERNAL_ID = "OFFHOURS_EXTERNAL_ID";
    static final String ENVIRONMENTS = "OFFHOURS_WORKER_ENVIRONMENTS";
    static final String REGION = "AWS_REGION";
    static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";
    /** The traces' {@code service.name} unless {@code OTEL_SERVICE_NAME} says otherwise. */
    static final String SERVICE_NAME = "offhours-worker";

    static LambdaWiring fromEnvironment(Map<String, String> environment, AwsCredentialsProvider credentials) {
        Region region = Region.of(required(environment, REGION));
        URI endpoint = Optional.ofNullable(environment.get(ENDPOINT_URL)).filter(url -> !url.isBlank())
                .map(URI::create).orElse(null);
        SqsClientBuilder sqs = SqsClient.builder().region(region).credentialsProvider(credentials);
        if (endpoint != null) {
            sqs.endpointOverride(endpoint);
        }
        // once per container: every SDK client the function builds reports its calls to it
        Tracing tracing = Tracing.install(Tracing.from(environment, System.getProperties(), SERVICE_NAME));
        WorkItemHandler handler = HubWorkerFactory.build(region, endpoint, credentials,
                required(environment, OPERATIONS_TABLE), required(environment, INVENTORY_TABLE),
                required(environment, SPOKE_ROLE_NAME), required(environment, EXTERNAL_ID), tracing,
                environments(environment)).handler();
        return new LambdaWiring(handler, sqs.build(), required(environment, DEAD_LETTER_QUEUE_URL));
    }

    private static int environments(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENTS);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int environments = Integer.parseInt(value.trim());
            if (environments >= 1) {
                return environments;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new IllegalStateException("the environment variable " + ENVIRONMENTS + " must be a whole number of at "
                + "least 1 (the event source mapping's maximum concurrency), but was '" + value + "'");
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the Lambda function needs the environment variable " + name
                    + "; set it in the function's configuration (see LambdaWiring)");
        }
        return value;
    }
}
