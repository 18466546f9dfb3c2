package dev.offhours.worker.runtime;

import dev.offhours.core.work.WorkItem;
import dev.offhours.worker.ReceivedMessage;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static dev.offhours.worker.runtime.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.testsupport.EmbeddedElasticMq.QueuePair;
import dev.offhours.worker.Outcome;
import dev.offhours.worker.WorkItemHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(ElasticMqExtension.class)
class SqsWorkerPoolTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final EmbeddedElasticMq mq;
    private final SqsClient sqs;
    private QueuePair queues;
    private SqsWorkerPool pool;

    SqsWorkerPoolTest(EmbeddedElasticMq mq, SqsClient sqs) {
        this.mq = mq;
        this.sqs = sqs;
    }

    @BeforeEach
    void createQueues() {
        // A long visibility timeout: a message that comes back within a test came back because the pool said so.
        queues = mq.createQueueWithDeadLetter("pool", 2, 60);
    }

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void doneMessagesAreDeleted() {
        List<String> handled = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 12; i++) {
            send(WorkItems.body("office-hours", "asg-" + i));
        }
        start(WorkItems.decoding(item -> {
            handled.add(item.target().name());
            return Outcome.done();
        }), 50);

        await("12 messages handled and deleted", PATIENCE,
                () -> handled.size() == 12 && mq.approximateMessages(queues.workQueueUrl()) == 0);
        assertThat(handled).hasSize(12).doesNotHaveDuplicates();
        assertThat(pool.metrics().done()).isEqualTo(12);
        assertThat(mq.approximateMessages(queues.deadLetterQueueUrl())).isZero();
    }

    @Test
    void retryLaterSendsTheNextAttemptAfterTheDelayNotAfterTheQueueTimeout() {
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        List<Integer> receiveCounts = new CopyOnWriteArrayList<>();
        List<Integer> itemAttempts = new CopyOnWriteArrayList<>();
        send(WorkItems.body("office-hours", "busy-nodegroup"));
        start(message -> {
            attempts.add(Instant.now());
            receiveCounts.add(message.receiveCount());
            itemAttempts.add(WorkItems.CODEC.decode(message.body()).attempt());
            return attempts.size() == 1 ? Outcome.retryLater(Duration.ofSeconds(2), "update in progress")
                    : Outcome.done();
        }, 50);

        await("the message handled a second time", PATIENCE, () -> attempts.size() == 2);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        assertThat(itemAttempts).as("the item counts its attempts").containsExactly(1, 2);
        assertThat(receiveCounts).as("a fresh copy, not the same message received again").containsExactly(1, 1);
        await("the message deleted", PATIENCE, () -> mq.approximateMessages(queues.workQueueUrl()) == 0);
        assertThat(pool.metrics().retried()).isEqualTo(1);
    }

    @Test
    void malformedAndUnknownVersionMessagesEndInTheDeadLetterQueueWithTheirReason() {
        send(WorkItems.NOT_JSON);
        send(WorkItems.UNKNOWN_VERSION);
        send(WorkItems.body("office-hours", "good"));
        start(WorkItems.decoding(item -> Outcome.done()), 50);

        await("two rejected, one done", PATIENCE, () -> pool.metrics().rejected() == 2 && pool.metrics().done() == 1);
        Map<String, String> reasonByBody = receiveAll(queues.deadLetterQueueUrl(), 2).stream()
                .collect(Collectors.toMap(Message::body,
                        m -> m.messageAttributes().get(DeadLetters.REASON_ATTRIBUTE).stringValue()));
        assertThat(reasonByBody).containsOnlyKeys(WorkItems.NOT_JSON, WorkItems.UNKNOWN_VERSION);
        assertThat(reasonByBody.get(WorkItems.NOT_JSON)).startsWith("malformed work item: not valid JSON");
        assertThat(reasonByBody.get(WorkItems.UNKNOWN_VERSION))
                .isEqualTo("unknown work item version 99; this worker reads version 1 only");
        await("the work queue emptied", PATIENCE, () -> mq.approximateMessages(queues.workQueueUrl()) == 0);
    }

    @Test
    void aHandlerThatKeepsCrashingIsDeadLetteredByTheQueuesRedrivePolicy() {
        QueuePair fastQueues = mq.createQueueWithDeadLetter("crash", 2, 1);
        sqs.sendMessage(b -> b.queueUrl(fastQueues.workQueueUrl()).messageBody(WorkItems.body("office-hours", "x")));
        AtomicInteger attempts = new AtomicInteger();
        pool = new SqsWorkerPool(sqs, message -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("worker bug");
        }, PoolSettings.defaults(fastQueues.workQueueUrl(), fastQueues.deadLetterQueueUrl())
                .withReceiveWait(Duration.ofSeconds(1)));
        pool.start();

        await("the crashing message in the dead-letter queue", PATIENCE,
                () -> mq.approximateMessages(fastQueues.deadLetterQueueUrl()) == 1);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(pool.metrics().handlerFailures()).isEqualTo(2);
    }

    @Test
    void neverMoreThanMaxInFlightMessagesAreHandledAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        for (int i = 0; i < 25; i++) {
            send(WorkItems.body("office-hours", "asg-" + i));
        }
        start(message -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            pause(Duration.ofMillis(150));
            running.decrementAndGet();
            return Outcome.done();
        }, 4);

        await("25 done", PATIENCE, () -> pool.metrics().done() == 25);
        assertThat(mostRunning.get()).isEqualTo(4);
        assertThat(pool.metrics().inFlightHighWater()).isEqualTo(4);
        assertThat(pool.metrics().received()).isEqualTo(25);
    }

    @Test
    void theItemsOfAnAccountBundleAreSettledOneByOneAndTheBundleIsDeletedOnceAllAre() {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(WorkItems.CODEC.decode(WorkItems.body("office-hours", "asg-" + i)));
        }
        send(WorkItems.CODEC.encodeBundle(items));
        List<String> handled = new CopyOnWriteArrayList<>();
        start(WorkItems.decoding(item -> {
            handled.add(item.target().name() + "#" + item.attempt());
            return switch (item.target().name()) {
                case "asg-3" -> item.attempt() == 1 ? Outcome.retryLater(Duration.ofSeconds(1), "throttled")
                        : Outcome.done();
                case "asg-4" -> Outcome.reject("can never succeed");
                default -> Outcome.done();
            };
        }), 50);

        await("every item settled and the retried one done", PATIENCE,
                () -> handled.contains("asg-3#2") && mq.approximateMessages(queues.workQueueUrl()) == 0
                        && messagesInFlightOnTheQueue() == 0);
        assertThat(handled).containsExactlyInAnyOrder("asg-0#1", "asg-1#1", "asg-2#1", "asg-3#1", "asg-3#2",
                "asg-4#1");
        List<Message> deadLettered = receiveAll(queues.deadLetterQueueUrl(), 1);
        assertThat(deadLettered).extracting(m -> WorkItems.CODEC.decode(m.body()).target().name())
                .as("the rejected item alone, not its bundle").containsExactly("asg-4");
        assertThat(pool.metrics().done()).isEqualTo(4);
        assertThat(pool.metrics().rejected()).isEqualTo(1);
    }

    @Test
    void itemsInFlightOnAnAsynchronousHandlerTakeNoThreadEach() {
        ScheduledExecutorService aws = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        for (int account = 0; account < 10; account++) {
            List<WorkItem> items = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                items.add(WorkItem.of("office-hours", java.time.Instant.parse("2026-03-02T17:00:00Z"),
                        dev.offhours.core.work.Action.SLEEP,
                        dev.offhours.core.work.Target.asg(String.format("%012d", account + 1), "eu-west-1", "asg-" + i),
                        dev.offhours.core.schedule.AsleepCapacity.ZERO, "main@sha1:abc", null));
            }
            send(WorkItems.CODEC.encodeBundle(items));
        }
        try {
            start(new WorkItemHandler() {
                @Override
                public Outcome handle(ReceivedMessage message) {
                    throw new AssertionError("the pool calls handleAsync");
                }

                @Override
                public boolean blocking() {
                    return false;
                }

                @Override
                public CompletableFuture<Outcome> handleAsync(ReceivedMessage message) {
                    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    CompletableFuture<Outcome> answer = new CompletableFuture<>();
                    aws.schedule(() -> {
                        running.decrementAndGet();
                        answer.complete(Outcome.done());
                    }, 2, TimeUnit.SECONDS);
                    return answer;
                }
            }, 1_000);

            await("300 items done", PATIENCE, () -> pool.metrics().done() == 300);
            assertThat(mostRunning.get()).as("all 300 items of the 10 bundles in flight together").isEqualTo(300);
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("offhours-worker")).count())
                    .as("the receiver, the delete batcher and a few settling threads, not one per item")
                    .isLessThanOrEqualTo(12);
        } finally {
            aws.shutdownNow();
        }
    }

    @Test
    void gracefulStopFinishesWhatIsInFlightAndLeavesTheRestOnTheQueue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Map<String, Boolean> finished = new ConcurrentHashMap<>();
        for (int i = 0; i < 6; i++) {
            send(WorkItems.body("office-hours", "asg-" + i));
        }
        start(WorkItems.decoding(item -> {
            block(release);
            finished.put(item.target().name(), true);
            return Outcome.done();
        }), 2);
        await("two in flight", PATIENCE, () -> pool.metrics().inFlight() == 2);

        Thread releaser = new Thread(() -> {
            pause(Duration.ofMillis(300));
            release.countDown();
        });
        releaser.start();
        SqsWorkerPool.StopReport report = pool.stop(Duration.ofSeconds(10));
        pool = null;

        assertThat(report.inFlightFinished()).isTrue();
        assertThat(report.abandoned()).isZero();
        assertThat(finished).hasSize(2);
        List<Message> left = receiveAll(queues.workQueueUrl(), 4);
        assertThat(left).hasSize(4);
        assertThat(left).extracting(Message::body).doesNotContainAnyElementsOf(
                finished.keySet().stream().map(name -> WorkItems.body("office-hours", name)).toList());
    }

    @Test
    void stopPastItsDeadlineReportsTheAbandonedMessages() {
        CountDownLatch never = new CountDownLatch(1);
        send(WorkItems.body("office-hours", "stuck"));
        start(message -> {
            block(never);
            return Outcome.done();
        }, 2);
        await("one in flight", PATIENCE, () -> pool.metrics().inFlight() == 1);

        SqsWorkerPool.StopReport report = pool.stop(Duration.ofMillis(500));
        pool = null;

        assertThat(report.inFlightFinished()).isFalse();
        assertThat(report.abandoned()).isEqualTo(1);
    }

    /** Received and neither deleted nor visible again: a bundle not deleted would stay here for its 60 s. */
    private int messagesInFlightOnTheQueue() {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queues.workQueueUrl()).attributeNames(
                        software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().get(software.amazon.awssdk.services.sqs.model.QueueAttributeName
                        .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private void start(WorkItemHandler handler, int maxInFlight) {
        pool = new SqsWorkerPool(sqs, handler, PoolSettings.defaults(queues.workQueueUrl(), queues.deadLetterQueueUrl())
                .withMaxInFlight(maxInFlight).withReceiveWait(Duration.ofSeconds(1)));
        pool.start();
    }

    private void send(String body) {
        sqs.sendMessage(b -> b.queueUrl(queues.workQueueUrl()).messageBody(body));
    }

    private List<Message> receiveAll(String queueUrl, int expected) {
        List<Message> all = new CopyOnWriteArrayList<>();
        await(expected + " messages on " + queueUrl, PATIENCE, () -> {
            all.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(60).messageAttributeNames("All")).messages());
            return all.size() >= expected;
        });
        return all;
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
