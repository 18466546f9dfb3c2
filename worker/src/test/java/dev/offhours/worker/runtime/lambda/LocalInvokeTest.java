package dev.offhours.worker.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running the function once on an event file: Lambda's event format in, Lambda's response format out. */
class LocalInvokeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void readsLambdasSqsEventFormat(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("event.json");
        Files.writeString(file, """
                {"Records": [{"messageId": "m-1", "receiptHandle": "r-1", "body": "{\\"v\\":1}",
                  "attributes": {"ApproximateReceiveCount": "3"},
                  "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:offhours-work"}]}
                """);

        SQSEvent.SQSMessage message = LocalInvoke.event(file).getRecords().get(0);

        assertThat(List.of(message.getMessageId(), message.getReceiptHandle(), message.getBody(),
                message.getEventSourceArn())).containsExactly("m-1", "r-1", "{\"v\":1}",
                "arn:aws:sqs:eu-west-1:123456789012:offhours-work");
        assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "3");
    }

    @Test
    void printsTheResponseAsLambdaSerializesIt() {
        assertThat(LocalInvoke.json(new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m-2")))))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}");
        assertThat(LocalInvoke.json(new SQSBatchResponse(List.of()))).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void usageAndEventFileErrorsExitTwoWithOneLineOnStandardError(@TempDir Path temp) throws Exception {
        Path notAnEvent = temp.resolve("not-an-event.json");
        Files.writeString(notAnEvent, "{\"messages\": []}");

        assertThat(run()).isEqualTo(2);
        assertThat(run(temp.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(run(notAnEvent.toString())).isEqualTo(2);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("usage: java -cp offhours-worker-lambda.jar");
            assertThat(lines.get(1)).contains("cannot read the SQS event").contains("missing.json");
            assertThat(lines.get(2)).contains("expected {\"Records\": [...]}");
        });
    }

    @Test
    void aFunctionThatCannotStartExitsOneNamingTheMissingVariable(@TempDir Path temp) throws Exception {
        Path event = temp.resolve("event.json");
        Files.writeString(event, "{\"Records\": []}");

        int exitCode = LocalInvoke.run(new String[] {event.toString()}, Map.of("AWS_REGION", "eu-west-1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("offhours LocalInvoke: the function cannot start:").contains("OFFHOURS_OPERATIONS_TABLE");
    }

    private int run(String... arguments) {
        return LocalInvoke.run(arguments, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
