package dev.offhours.reconciler.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

@ExtendWith(ElasticMqExtension.class)
class SqsWorkQueueTest {

    private static final Instant AT = Instant.parse("2026-03-02T18:00:00Z");

    static Stream<Arguments> batchShapes() {
        return Stream.of(
                Arguments.of(25, 1_000, List.of(10, 10, 5)),       // 10 entries per batch
                Arguments.of(10, 1_000, List.of(10)),
                Arguments.of(5, 100 * 1024, List.of(2, 2, 1)),    // 256 KiB per batch
                Arguments.of(3, 256 * 1024, List.of(1, 1, 1)));
    }

    @ParameterizedTest(name = "{0} bodies of {1} bytes -> batches {2}")
    @MethodSource("batchShapes")
    void batchesRespectTheEntryAndSizeLimitsOfSqs(int count, int bytes, List<Integer> expected) {
        List<String> bodies = Collections.nCopies(count, "x".repeat(bytes));

        List<List<String>> batches = SqsBatches.split(bodies);

        assertThat(batches).extracting(List::size).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> dispatches() {
        return Stream.of(
                Arguments.of(3, 15, 3, 1),    // the accounts' items interleaved, as in a page of targets
                Arguments.of(25, 2, 25, 3),   // 10 messages per SendMessageBatch
                Arguments.of(1, 250, 3, 1),   // 100 items per bundle
                Arguments.of(4, 1, 4, 1));    // lone items, sent plain
    }

    @ParameterizedTest(name = "{0} accounts x {1} items -> {2} messages in {3} calls")
    @MethodSource("dispatches")
    void sendsEachAccountsItemsInBundlesAndCountsTheItems(int accounts, int perAccount, int messages, int calls,
                                                         EmbeddedElasticMq mq, SqsClient sqs) {
        String queueUrl = mq.createQueue("bundles-" + accounts + "x" + perAccount, Map.of());
        List<WorkItem> items = interleaved(accounts, perAccount);
        try (SqsWorkQueue queue = new SqsWorkQueue(sqs, queueUrl)) {
            SendReport report = queue.sendAll(items);

            assertThat(report).extracting(SendReport::sent, SendReport::failed, SendReport::messages,
                    SendReport::calls).containsExactly(items.size(), 0, messages, calls);
            List<List<WorkItem>> received = DispatchFixtures.drainMessages(sqs, queueUrl);
            assertThat(received).hasSize(messages).allSatisfy(carried -> assertThat(carried)
                    .extracting(item -> item.target().account()).containsOnly(carried.get(0).target().account()));
            assertThat(received).flatExtracting(carried -> carried).containsExactlyInAnyOrderElementsOf(items);
            received.forEach(carried -> assertThat(carried).isSortedAccordingTo(
                    java.util.Comparator.comparingInt(items::indexOf))); // each account's items in their order
        }
    }

    @Test
    void retriesOnlyTheBundlesThatFailed(EmbeddedElasticMq mq, SqsClient sqs) {
        String queueUrl = mq.createQueue("retry", Map.of());
        FailingOnce flaky = new FailingOnce(sqs, Set.of("3", "7"), false);
        try (SqsWorkQueue queue = new SqsWorkQueue(flaky, queueUrl, 4, 5, Duration.ofMillis(1))) {
            SendReport report = queue.sendAll(interleaved(10, 3));

            assertThat(report).extracting(SendReport::sent, SendReport::failed, SendReport::messages)
                    .containsExactly(30, 0, 10);
            assertThat(flaky.batchSizes).containsExactly(10, 2);
            assertThat(DispatchFixtures.drain(sqs, queueUrl)).hasSize(30).doesNotHaveDuplicates(); // each item once
        }
    }

    @Test
    void aBundleSqsBlamesOnTheSenderCountsAllItsItemsAsFailedAndIsNotRetried(EmbeddedElasticMq mq, SqsClient sqs) {
        String queueUrl = mq.createQueue("rejected", Map.of());
        FailingOnce rejecting = new FailingOnce(sqs, Set.of("4"), true);
        try (SqsWorkQueue queue = new SqsWorkQueue(rejecting, queueUrl, 4, 5, Duration.ofMillis(1))) {
            SendReport report = queue.sendAll(interleaved(10, 3));

            assertThat(report).extracting(SendReport::sent, SendReport::failed, SendReport::messages)
                    .containsExactly(27, 3, 9);
            assertThat(report.errors()).singleElement().asString().contains("InvalidParameterValue")
                    .contains("3 work items of account " + account(4));
            assertThat(rejecting.batchSizes).containsExactly(10);
            assertThat(DispatchFixtures.drain(sqs, queueUrl)).hasSize(27)
                    .noneMatch(item -> item.target().account().equals(account(4)));
        }
    }

    /** {@code perAccount} items in each of {@code accounts} accounts, the accounts taking turns. */
    private static List<WorkItem> interleaved(int accounts, int perAccount) {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < perAccount; i++) {
            for (int a = 0; a < accounts; a++) {
                items.add(WorkItem.of("web", AT, Action.SLEEP, Target.asg(account(a), "eu-west-1", "asg-" + i),
                        AsleepCapacity.ZERO, "main@sha1:abc", null));
            }
        }
        return items;
    }

    private static String account(int index) {
        return Long.toString(100_000_000_000L + index);
    }

    /**
     * The real ElasticMQ client, except that on the first request the entries with the given ids are answered as
     * failed (as SQS does under load) instead of sent.
     */
    private static final class FailingOnce implements SqsClient {
        private final SqsClient real;
        private final Set<String> failIds;
        private final boolean senderFault;
        private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

        FailingOnce(SqsClient real, Set<String> failIds, boolean senderFault) {
            this.real = real;
            this.failIds = failIds;
            this.senderFault = senderFault;
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            batchSizes.add(request.entries().size());
            if (batchSizes.size() > 1) {
                return real.sendMessageBatch(request);
            }
            List<SendMessageBatchRequestEntry> pass = request.entries().stream()
                    .filter(e -> !failIds.contains(e.id())).toList();
            SendMessageBatchResponse sent = real.sendMessageBatch(request.toBuilder().entries(pass).build());
            List<BatchResultErrorEntry> failed = request.entries().stream().filter(e -> failIds.contains(e.id()))
                    .map(e -> BatchResultErrorEntry.builder().id(e.id()).senderFault(senderFault)
                            .code(senderFault ? "InvalidParameterValue" : "InternalError").message("test").build())
                    .toList();
            return sent.toBuilder().failed(failed).build();
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
