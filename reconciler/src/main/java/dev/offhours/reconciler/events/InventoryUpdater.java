package dev.offhours.reconciler.events;

import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.inventory.SpokeListing;
import dev.offhours.worker.runtime.DaemonThreads;
import dev.offhours.worker.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Keeps the inventory fresh from the spoke events on the SQS events queue: long-polls batches of 10,
 * coalesces them per resource ({@link PendingRefreshes}), applies the state the events carry to the stored item or,
 * when they do not say enough, reads the resource once per window in its spoke through the worker's credential
 * cache and rate limiters ({@link EventFold}, {@link ResourceRefresher}), and deletes each message only once
 * everything it named has been handled. Messages it cannot use go to the events dead-letter queue with the
 * reason; nothing a message contains stops the consumer. A message stays invisible while its window is open, so the
 * queue's visibility timeout must exceed the longer window ({@code instanceWindow}, 60 s by default) plus a read:
 * the hub stack sets 120 s.
 */
public final class InventoryUpdater implements AutoCloseable {

    /**
     * @param queueUrl           the events queue the hub bus's rule delivers to
     * @param deadLetterQueueUrl its dead-letter queue (also the target of its redrive policy)
     * @param debounce           how long API-call events of one resource are gathered before its refresh
     * @param instanceWindow     how long a burst of native instance events is gathered (they trail a change)
     * @param refreshThreads     resources refreshed at once (each call also waits for its account's rate limiter)
     * @param maxWaitSeconds     long-polling wait when nothing is pending (1..20)
     */
    public record Settings(String queueUrl, String deadLetterQueueUrl, Duration debounce, Duration instanceWindow,
                           int refreshThreads, int maxWaitSeconds) {
        public Settings {
            if (refreshThreads < 1 || maxWaitSeconds < 1 || maxWaitSeconds > 20 || debounce.isNegative()
                    || instanceWindow.isNegative()) {
                throw new IllegalArgumentException("the inventory updater needs at least 1 refresh thread, a wait of"
                        + " 1..20 s and windows of 0 s or more, but got " + refreshThreads + ", " + maxWaitSeconds
                        + " s, " + debounce + " and " + instanceWindow);
            }
        }

        public static Settings of(String queueUrl, String deadLetterQueueUrl) {
            return new Settings(queueUrl, deadLetterQueueUrl, Duration.ofSeconds(2), Duration.ofSeconds(60), 8, 20);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(InventoryUpdater.class);

    private final SqsClient sqs;
    private final Settings settings;
    private final SpokeEventParser parser;
    private final ResourceRefresher refresher;
    private final Supplier<AccountRegistry> accounts;
    private final EventsDeadLetters deadLetters;
    private final EventHealth health;
    private final Clock clock;
    private final PendingRefreshes pending;
    private final EventSpans spans;
    private final UpdaterStats stats = new UpdaterStats();
    private volatile boolean running;
    private volatile Instant lastReceiveAt;
    private Thread poller;
    private ExecutorService refreshPool;

    /**
     * @param listing  built on the worker's {@code SpokeClients} and {@code Pipelines} (shared with workers and
     *                 discovery, so all obey the same rate limits and breakers)
     * @param parser   knows the hub's spoke role and session name, to tell offhours' own changes
     * @param accounts the onboarded accounts; events of others are dead-lettered
     */
    public InventoryUpdater(SqsClient sqs, Settings settings, SpokeEventParser parser, SpokeListing listing,
                            InventoryStore inventory, ControlStore control, Supplier<AccountRegistry> accounts,
                            AsleepShapes shapes, Clock clock) {
        this(sqs, settings, parser, listing, inventory, control, accounts, shapes, clock, Tracing.OFF);
    }

    /** @param tracing a span per event received and per resource refreshed, when on */
    public InventoryUpdater(SqsClient sqs, Settings settings, SpokeEventParser parser, SpokeListing listing,
                            InventoryStore inventory, ControlStore control, Supplier<AccountRegistry> accounts,
                            AsleepShapes shapes, Clock clock, Tracing tracing) {
        this.spans = new EventSpans(tracing);
        this.sqs = sqs;
        this.settings = settings;
        this.parser = parser;
        this.refresher = new ResourceRefresher(listing, inventory, control, shapes, clock);
        this.accounts = accounts;
        this.deadLetters = new EventsDeadLetters(sqs, settings.deadLetterQueueUrl());
        this.health = new EventHealth(control);
        this.clock = clock;
        this.pending = new PendingRefreshes(settings.debounce(), settings.instanceWindow());
    }

    public UpdaterStats stats() {
        return stats;
    }

    /** When the events queue last answered a receive (empty or not); empty before the first. */
    public Optional<Instant> lastReceiveAt() {
        return Optional.ofNullable(lastReceiveAt);
    }

    /** Starts the consumer thread and the refresh pool. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        refreshPool = Executors.newFixedThreadPool(settings.refreshThreads(), DaemonThreads.numbered("offhours-inventory-refresh"));
        poller = DaemonThreads.thread(this::loop, "offhours-inventory-updater");
        poller.start();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (poller != null) {
            poller.interrupt();
            join(poller);
            refreshPool.shutdown();
            try {
                refreshPool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    private void loop() {
        while (running) {
            try {
                poll(waitSeconds());
                flushDue(refreshPool);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("the inventory updater could not read the events queue; retrying in 1 s: {}", e.toString());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Long-polls once for up to 10 messages and gathers them; returns how many arrived. */
    public int poll(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(settings.queueUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds)).messages();
        Instant now = clock.instant();
        lastReceiveAt = now;
        for (Message message : messages) {
            stats.messages.incrementAndGet();
            accept(message, now);
        }
        return messages.size();
    }

    /** Refreshes, on the calling thread, every resource whose window has closed; returns how many windows. */
    public int flushDueNow() {
        return flushDue(Runnable::run);
    }

    /** Resources with events gathered but not yet refreshed. */
    public int pendingResources() {
        return pending.size();
    }

    private int flushDue(Executor executor) {
        List<PendingRefreshes.Due> due = pending.takeDue(clock.instant());
        due.forEach(window -> executor.execute(() -> refresh(window)));
        return due.size();
    }

    private void accept(Message message, Instant now) {
        SpokeEvent event;
        try {
            event = parser.parse(message.body());
        } catch (UnparseableEventException e) {
            deadLetter(message, EventsDeadLetters.UNPARSEABLE, e.getMessage());
            EventSpans.end(spans.unreadable(), EventsDeadLetters.UNPARSEABLE, true);
            return;
        }
        Span received = spans.received(event);
        String outcome = "FAILED";
        try (Scope ignored = received == null ? Scope.noop() : received.makeCurrent()) {
            outcome = accept(message, event, now);
        } finally {
            EventSpans.end(received, outcome, outcome.equals("FAILED"));
        }
    }

    /** @return what became of the event: dead-lettered, deleted (nothing to refresh) or held for its window */
    private String accept(Message message, SpokeEvent event, Instant now) {
        if (!isOnboarded(event.account(), event.region())) {
            deadLetter(message, EventsDeadLetters.ACCOUNT_NOT_ONBOARDED, "account " + event.account() + " region "
                    + event.region() + " is not onboarded (accounts.yaml); event " + event.id() + " " + event.action());
            return EventsDeadLetters.ACCOUNT_NOT_ONBOARDED;
        }
        if (event.selfInflicted()) {
            stats.selfInflicted.incrementAndGet();
        } else if (event.isExternalChange()) {
            stats.externalChanges.incrementAndGet();
            LOG.info("external change: {} by {} on {}", event.action(), event.actor(),
                    event.refs().stream().map(ResourceRef::describe).toList());
        }
        if (event.changes().isEmpty()) {
            delete(message);
            return "DELETED";
        }
        HeldMessage held = new HeldMessage(message.receiptHandle(), event.changes().size(),
                Span.current().getSpanContext());
        event.changes().forEach(change -> pending.add(change, event, held, now));
        return "HELD";
    }

    private void refresh(PendingRefreshes.Due window) {
        ResourceRef ref = window.ref();
        Span span = spans.refresh(window);
        try (Scope ignored = span == null ? Scope.noop() : span.makeCurrent()) {
            List<ResourceRefresher.Outcome> outcomes = refresher.handle(window);
            EventSpans.refreshed(span, outcomes);
            for (ResourceRefresher.Outcome outcome : outcomes) {
                count(outcome);
            }
            health.eventSeen(ref.account(), ref.region(), window.latestEvent());
            deleteAll(window.messages().stream().filter(HeldMessage::refHandled).map(HeldMessage::receiptHandle)
                    .toList());
        } catch (RuntimeException e) {
            EventSpans.failed(span, e);
            stats.failedRefreshes.incrementAndGet();
            window.messages().forEach(HeldMessage::refFailed);
            LOG.warn("refreshing {} after {} event(s) failed; its messages return to the queue: {}", ref.describe(),
                    window.changes().size(), e.toString());
        } finally {
            EventSpans.end(span);
        }
    }

    private void count(ResourceRefresher.Outcome outcome) {
        if (outcome.spokeRead()) {
            stats.refreshes.incrementAndGet();
        }
        switch (outcome.result()) {
            case STALE -> stats.stale.incrementAndGet();
            case NOT_OURS -> stats.notOurs.incrementAndGet();
            case UPDATED -> stats.updated.incrementAndGet();
            case APPLIED -> stats.applied.incrementAndGet();
            case REMOVED -> {
                stats.removed.incrementAndGet();
                LOG.info("{} left the inventory: it no longer exists or lost its opt-in tag", outcome.target().key());
            }
            default -> {
                // ABSENT, SUPERSEDED, OWN_CHANGE: nothing to count beyond the read
            }
        }
        outcome.orphan().ifPresent(orphan -> {
            stats.orphaned(orphan);
            LOG.warn("{}", orphan.sentence());
        });
    }

    private boolean isOnboarded(String account, String region) {
        return accounts.get().accounts().stream()
                .anyMatch(candidate -> candidate.id().equals(account) && candidate.regions().contains(region));
    }

    private void deadLetter(Message message, String code, String reason) {
        LOG.warn("events message {} goes to the dead-letter queue: {}", message.messageId(), reason);
        deadLetters.send(message.body(), code, reason);
        stats.deadLettered.incrementAndGet();
        delete(message.receiptHandle());
    }

    private void delete(Message message) {
        delete(message.receiptHandle());
    }

    /** Deletes in batches of 10 (SQS's maximum): a burst of 200 events costs 20 calls, not 200. */
    private void deleteAll(List<String> receiptHandles) {
        for (int from = 0; from < receiptHandles.size(); from += 10) {
            List<String> batch = receiptHandles.subList(from, Math.min(receiptHandles.size(), from + 10));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(batch.get(i)).build());
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(settings.queueUrl())
                    .entries(entries));
            if (!response.failed().isEmpty()) {
                LOG.warn("{} handled events message(s) could not be deleted and will be delivered again: {}",
                        response.failed().size(), response.failed().get(0).message());
            }
        }
    }

    private void delete(String receiptHandle) {
        sqs.deleteMessage(b -> b.queueUrl(settings.queueUrl()).receiptHandle(receiptHandle));
    }

    private int waitSeconds() {
        return pending.nextClose()
                .map(close -> (int) Math.max(1, Math.min(settings.maxWaitSeconds(),
                        (Duration.between(clock.instant(), close).toMillis() + 999) / 1000)))
                .orElse(settings.maxWaitSeconds());
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(25).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
