package dev.offhours.reconciler.reconcile;

import static dev.offhours.core.port.ConditionStatus.FALSE;
import static dev.offhours.core.port.ConditionStatus.TRUE;
import static dev.offhours.core.port.ConditionStatus.UNKNOWN;
import static dev.offhours.core.port.ConditionType.READY;
import static dev.offhours.core.port.ConditionType.RECONCILING;
import static dev.offhours.core.port.ConditionType.STALLED;
import static dev.offhours.reconciler.reconcile.StatusPublisher.condition;

import dev.offhours.core.calendar.HolidaySources;
import dev.offhours.core.port.Condition;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.Problem;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.source.SourceFile;
import dev.offhours.core.time.Timeline;
import dev.offhours.reconciler.git.FetchedHead;
import dev.offhours.reconciler.git.GitSource;
import dev.offhours.reconciler.git.GitSourceException;
import dev.offhours.reconciler.reconcile.ReconcileResult.Outcome;
import dev.offhours.reconciler.transition.TransitionRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the tip of the schedules branch into registered schedules, Flux style: a new revision is read and validated
 * as a whole; a valid one is diffed against the running one and applied; an invalid one is refused while the last
 * good revision keeps running, and the status says why. Each run is one {@link #reconcile()} (called by the
 * {@link dev.offhours.reconciler.service.ReconcileLoop}); runs are serialized.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int PROBLEMS_IN_MESSAGE = 3;

    private final GitSource source;
    private final RepositoryReader reader;
    private final TransitionRegistry registry;
    private final StatusPublisher publisher;
    private final CatalogPublisher catalogs;

    private RunningRevision running;
    private String handledCommit;
    private FetchedHead lastHead;
    private List<Condition> settledConditions = List.of();
    private List<String> settledProblems = List.of();
    private Optional<String> appliedByEarlierRun;

    public Reconciler(GitSource source, RepositoryReader reader, TransitionRegistry registry, ControlStore store,
            Clock clock) {
        this(source, reader, registry, store, CatalogPublisher.NONE, clock);
    }

    /** @param catalogs writes each applied revision's catalog snapshot for the status API on Lambda */
    public Reconciler(GitSource source, RepositoryReader reader, TransitionRegistry registry, ControlStore store,
            CatalogPublisher catalogs, Clock clock) {
        this.source = source;
        this.reader = reader;
        this.registry = registry;
        this.publisher = new StatusPublisher(store, clock);
        this.catalogs = catalogs;
    }

    /** Fetches the branch and, when its tip is a commit not handled yet, reads, validates and applies it. */
    public synchronized ReconcileResult reconcile() {
        ReconcileResult result = fetchAndReconcile();
        catalogs.retry();
        return result;
    }

    private ReconcileResult fetchAndReconcile() {
        FetchedHead head;
        try {
            head = source.fetch();
        } catch (GitSourceException e) {
            return fetchFailed(e);
        }
        lastHead = head;
        if (head.commitId().equals(handledCommit)) {
            return unchanged(head);
        }
        return reconcileNewRevision(head);
    }

    /** The revision whose schedules are registered now. */
    public synchronized Optional<RunningRevision> running() {
        return Optional.ofNullable(running);
    }

    private ReconcileResult reconcileNewRevision(FetchedHead head) {
        publishReconciling(head);
        RepositoryReadResult read;
        List<SourceFile> files;
        try {
            files = source.read(head.commitId()).files();
            read = reader.read(files);
        } catch (GitSourceException e) {
            return fetchFailed(e);
        }
        if (!read.valid()) {
            restoreLastAppliedWhenNothingRuns(head);
            return refuse(head, read.problems());
        }
        return apply(head, read.catalog(), files);
    }

    private ReconcileResult apply(FetchedHead head, ScheduleCatalog catalog, List<SourceFile> files) {
        CatalogDiff diff = CatalogDiff.between(running == null ? ScheduleCatalog.EMPTY : running.catalog(), catalog);
        try {
            applyToRegistry(diff, catalog);
        } catch (RuntimeException e) {
            return applyFailed(head, e);
        }
        running = new RunningRevision(head.label(), head.commitId(), catalog);
        handledCommit = head.commitId();
        catalogs.applied(head.label(), files);
        String message = "Applied revision " + head.label() + ": " + diff.summary() + "; "
                + catalog.schedules().size() + " schedules running.";
        settle(head, List.of(condition(READY, TRUE, Reasons.SUCCEEDED, message)), List.of());
        LOG.info(message);
        return result(Outcome.APPLIED, head, diff, List.of(), message);
    }

    private void applyToRegistry(CatalogDiff diff, ScheduleCatalog catalog) {
        for (Schedule removed : diff.removed()) {
            registry.deregister(removed);
        }
        for (Schedule schedule : diff.toRegister()) {
            registry.register(schedule, Timeline.of(schedule,
                    HolidaySources.forSchedule(schedule, catalog.calendars())));
        }
    }

    private ReconcileResult refuse(FetchedHead head, List<Problem> problems) {
        handledCommit = head.commitId();
        List<String> texts = problems.stream().map(Problem::toString).toList();
        String message = "Refused revision " + head.label() + ": " + texts.size()
                + (texts.size() == 1 ? " problem" : " problems") + ", first: "
                + String.join("; ", texts.subList(0, Math.min(PROBLEMS_IN_MESSAGE, texts.size()))) + ". "
                + stillRunning();
        settle(head, List.of(condition(READY, FALSE, Reasons.VALIDATION_FAILED, message),
                condition(STALLED, TRUE, Reasons.VALIDATION_FAILED, "Fix the files listed in problems and push.")),
                texts);
        LOG.warn(message);
        return result(Outcome.REFUSED, head, CatalogDiff.NONE, problems, message);
    }

    private ReconcileResult unchanged(FetchedHead head) {
        publisher.publish(appliedLabel(), head.label(), head.fetchedAt(), settledConditions, settledProblems);
        return result(Outcome.UNCHANGED, head, CatalogDiff.NONE, List.of(), "Revision " + head.label()
                + " was handled already.");
    }

    private ReconcileResult fetchFailed(GitSourceException e) {
        String message = e.getMessage() + " " + stillRunning();
        List<Condition> conditions = new ArrayList<>();
        conditions.add(condition(READY, FALSE, Reasons.FETCH_FAILED, message));
        if (!e.retryable()) {
            conditions.add(condition(STALLED, TRUE, Reasons.FETCH_FAILED,
                    "Retrying cannot help: fix the Git source's credentials or configuration."));
        }
        publisher.publish(appliedLabel(), lastHead == null ? null : lastHead.label(),
                lastHead == null ? null : lastHead.fetchedAt(), conditions, settledProblems);
        LOG.warn(message);
        return new ReconcileResult(Outcome.FETCH_FAILED, Optional.empty(), runningLabel(), CatalogDiff.NONE,
                List.of(), message);
    }

    private ReconcileResult applyFailed(FetchedHead head, RuntimeException e) {
        String message = "Registering the schedules of " + head.label() + " failed: " + e.getMessage()
                + "; the next run tries again. " + stillRunning();
        publisher.publish(appliedLabel(), head.label(), head.fetchedAt(),
                List.of(condition(READY, FALSE, Reasons.APPLY_FAILED, message)), List.of());
        LOG.error(message, e);
        return result(Outcome.APPLY_FAILED, head, CatalogDiff.NONE, List.of(), message);
    }

    private void publishReconciling(FetchedHead head) {
        publisher.publish(appliedLabel(), head.label(), head.fetchedAt(), List.of(
                condition(READY, UNKNOWN, Reasons.PROGRESSING, "Reconciling revision " + head.label() + "."),
                condition(RECONCILING, TRUE, Reasons.NEW_REVISION, "Applying revision " + head.label() + ".")),
                settledProblems);
    }

    private void settle(FetchedHead head, List<Condition> conditions, List<String> problems) {
        settledConditions = conditions;
        settledProblems = problems;
        publisher.publish(appliedLabel(), head.label(), head.fetchedAt(), conditions, problems);
    }

    /**
     * After a restart the registry is empty. When the branch tip is invalid, run the revision the service last
     * applied (any replica, as the control status says) rather than nothing.
     */
    private void restoreLastAppliedWhenNothingRuns(FetchedHead head) {
        if (running != null) {
            return;
        }
        Optional<String> label = appliedLabelFromStore();
        Optional<String> commit = label.flatMap(Reconciler::commitOf).filter(c -> !c.equals(head.commitId()));
        if (commit.isEmpty()) {
            return;
        }
        try {
            List<SourceFile> files = source.read(commit.get()).files();
            RepositoryReadResult read = reader.read(files);
            if (!read.valid()) {
                LOG.warn("The last applied revision {} is not valid with this version of offhours; nothing runs "
                        + "until a valid revision is pushed.", label.get());
                return;
            }
            applyToRegistry(CatalogDiff.between(ScheduleCatalog.EMPTY, read.catalog()), read.catalog());
            running = new RunningRevision(label.get(), commit.get(), read.catalog());
            catalogs.applied(label.get(), files);
            LOG.info("Restored the last applied revision {}: {} schedules running.", label.get(),
                    read.catalog().schedules().size());
        } catch (RuntimeException e) {
            LOG.warn("Cannot restore the last applied revision {}: {}", label.get(), e.getMessage());
        }
    }

    static Optional<String> commitOf(String label) {
        int at = label.lastIndexOf("sha1:");
        return at < 0 ? Optional.empty() : Optional.of(label.substring(at + "sha1:".length()));
    }

    private String stillRunning() {
        return running == null ? "No revision is running yet." : "Still running " + running.label() + ".";
    }

    private Optional<String> runningLabel() {
        return Optional.ofNullable(running).map(RunningRevision::label);
    }

    /** What the status should name as applied: ours, else what an earlier run (or replica) applied. */
    private String appliedLabel() {
        return runningLabel().or(this::appliedLabelFromStore).orElse(null);
    }

    private Optional<String> appliedLabelFromStore() {
        if (appliedByEarlierRun == null) {
            appliedByEarlierRun = publisher.stored().map(ReconcilerStatus::appliedRevision);
        }
        return appliedByEarlierRun;
    }

    private ReconcileResult result(Outcome outcome, FetchedHead head, CatalogDiff diff, List<Problem> problems,
            String message) {
        return new ReconcileResult(outcome, Optional.of(head.label()), runningLabel(), diff, problems, message);
    }
}
