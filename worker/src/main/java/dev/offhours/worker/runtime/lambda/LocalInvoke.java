package dev.offhours.worker.runtime.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Runs the Lambda function once, outside Lambda, on an SQS event read from a file: the function is built from this
 * process's environment exactly as the Lambda runtime builds it (see {@link LambdaWiring}; {@code AWS_ENDPOINT_URL}
 * points it at an emulator) and its {@code SQSBatchResponse} is printed as JSON, as the last line of standard output
 * (the function's logs go to standard error):
 *
 * <pre>java -cp worker/target/offhours-worker-lambda.jar dev.offhours.worker.runtime.lambda.LocalInvoke event.json</pre>
 *
 * <p>The event is Lambda's SQS event: {@code {"Records": [{"messageId", "receiptHandle", "body", "attributes",
 * "eventSourceARN"}]}}. Exit code 0 when the function answered (its failures are in the response), 2 for a usage or
 * event file error, 1 when the function could not be built or threw.
 */
public final class LocalInvoke {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalInvoke() {
    }

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.getenv(), System.out, System.err));
    }

    static int run(String[] arguments, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (arguments.length != 1) {
            err.println("usage: java -cp offhours-worker-lambda.jar " + LocalInvoke.class.getName()
                    + " <sqs-event.json>   (the function's OFFHOURS_* and AWS_* variables in the environment)");
            return 2;
        }
        SQSEvent event;
        try {
            event = event(Path.of(arguments[0]));
        } catch (IOException | IllegalArgumentException e) {
            err.println("offhours LocalInvoke: cannot read the SQS event " + arguments[0] + ": " + e.getMessage());
            return 2;
        }
        try {
            SQSBatchResponse response = WorkerLambdaHandler
                    .fromEnvironment(environment, DefaultCredentialsProvider.builder().build())
                    .handleRequest(event, null);
            out.println(json(response));
            out.flush();
            return 0;
        } catch (IllegalStateException e) {
            // the function's configuration: its message says which variable to set
            err.println("offhours LocalInvoke: the function cannot start: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("offhours LocalInvoke: the function failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** Lambda's JSON form of an SQS event (the fields the function reads). */
    static SQSEvent event(Path file) throws IOException {
        JsonNode records = JSON.readTree(Files.readString(file)).path("Records");
        if (!records.isArray()) {
            throw new IllegalArgumentException("expected {\"Records\": [...]} as Lambda delivers an SQS event");
        }
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (JsonNode record : records) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(record.path("messageId").asText(null));
            message.setReceiptHandle(record.path("receiptHandle").asText(null));
            message.setBody(record.path("body").asText(null));
            message.setEventSourceArn(record.path("eventSourceARN").asText(null));
            Map<String, String> attributes = new LinkedHashMap<>();
            record.path("attributes").fields().forEachRemaining(f -> attributes.put(f.getKey(), f.getValue().asText()));
            message.setAttributes(attributes);
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    /** As Lambda serializes it: {@code {"batchItemFailures": [{"itemIdentifier": "<messageId>"}]}}. */
    static String json(SQSBatchResponse response) {
        ObjectNode root = JSON.createObjectNode();
        var failures = root.putArray("batchItemFailures");
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            failures.addObject().put("itemIdentifier", failure.getItemIdentifier());
        }
        return root.toString();
    }
}
