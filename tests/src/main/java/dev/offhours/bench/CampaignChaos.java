package dev.offhours.bench;

import dev.offhours.worker.Outcome;
import dev.offhours.worker.WorkItemHandler;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The message faults of the fault campaign, between the queue and the worker: while a duplicate episode is on, a share
 * of first deliveries gets a copy sent back to the queue (delivered again within seconds); while a delay episode is
 * on, a share of first deliveries is taken off the queue and sent back with a delay of minutes, as a message stuck in
 * a slow path would arrive. Copies go to moto directly (the injector is not the system under test); a copy that
 * cannot be sent leaves the delivery alone. Each body is touched once, so copies are never copied again.
 */
final class CampaignChaos {

    private final SqsClient sqs;
    private final String queueUrl;
    private final Random random;
    private final Set<String> touched = ConcurrentHashMap.newKeySet();
    private final AtomicInteger duplicated = new AtomicInteger();
    private final AtomicInteger delayed = new AtomicInteger();
    private volatile double duplicateShare;
    private volatile double delayShare;
    private volatile int minDelaySeconds;
    private volatile int maxDelaySeconds;

    CampaignChaos(SqsClient sqs, String queueUrl, long seed) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.random = new Random(seed);
    }

    WorkItemHandler wrap(WorkItemHandler worker) {
        return message -> {
            if (message.receiveCount() <= 1 && (duplicateShare > 0 || delayShare > 0) && touched.add(message.body())) {
                if (roll(delayShare) && send(message.body(), delaySeconds())) {
                    delayed.incrementAndGet();
                    return Outcome.done(); // this delivery is dropped: only the delayed copy comes back
                }
                if (roll(duplicateShare) && send(message.body(), roll(0.5) ? 0 : 5)) {
                    duplicated.incrementAndGet();
                }
            }
            return worker.handle(message);
        };
    }

    void duplicates(double share) {
        duplicateShare = share;
    }

    void delays(double share, int minSeconds, int maxSeconds) {
        minDelaySeconds = minSeconds;
        maxDelaySeconds = maxSeconds;
        delayShare = share;
    }

    int duplicated() {
        return duplicated.get();
    }

    int delayed() {
        return delayed.get();
    }

    private synchronized boolean roll(double share) {
        return share > 0 && random.nextDouble() < share;
    }

    private synchronized int delaySeconds() {
        return minDelaySeconds + random.nextInt(Math.max(1, maxDelaySeconds - minDelaySeconds + 1));
    }

    private boolean send(String body, int delaySeconds) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).delaySeconds(delaySeconds));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
