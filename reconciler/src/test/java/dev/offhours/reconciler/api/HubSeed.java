package dev.offhours.reconciler.api;

import dev.offhours.core.calendar.HolidaySources;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.Condition;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ConditionType;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.time.Transition;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.repository.DirectoryRevisionReader;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small fleet behind the template repository's schedules: three targets per schedule, account and region, in the
 * state the schedule wants now; the last transition of every schedule recorded (one failure in a dead account);
 * the reconciler's status and the health of every account (that one degraded); two resources left asleep without
 * their opt-in tag, one whose awake capacity is known and one whose is not. Every schedule's intent is in a
 * different condition (see {@link #CONVERGENCE}), and a removed schedule's targets are still being woken.
 */
final class HubSeed {

    static final String REVISION = "main@sha1:4bbbc86a4f0b1d2c3e4f5a6b7c8d9e0f1a2b3c4d";
    static final String DEAD_ACCOUNT = "666677778888";
    static final String DEAD_ERROR = "AccessDenied: not authorized to perform sts:AssumeRole on offhours-spoke";
    /** A schedule no longer in the revision whose intent (wake everything) is overdue. */
    static final String REMOVED = "legacy-batch";
    /** A schedule tag with a typo: no schedule has this name. */
    static final String TYPO = "paymnets-dev";

    /**
     * The reason of each schedule's Converged condition as seeded: converged at its last transition, two targets
     * pending and one failed for 30 minutes, one pending for 2 minutes, an intent the other way round for an hour
     * (the loop missed a change), suspended, and none yet.
     */
    static final Map<String, String> CONVERGENCE = Map.of("payments-dev", "Converged",
            "data-platform-dev", "NotConverged", "munich-ci-runners", "Converging", "support-late-shift",
            "IntentBehind", "ml-sandbox", "Suspended", "search-staging", "NoIntentYet");

    private HubSeed() {
    }

    static ScheduleCatalog templateCatalog() {
        return new RepositoryReader().read(new DirectoryRevisionReader().read(Path.of("..", "schedules-repo-template")))
                .catalog();
    }

    /** What a seed wrote; {@code orphans} by target key. */
    record Seeded(List<InventoryItem> items, List<OperationRecord> records, List<OrphanReport> orphans) {
    }

    /** Seeds the stores. */
    static Seeded seed(ScheduleCatalog catalog, Instant now, ControlStore control,
                                    InventoryStore inventory, OperationStore operations) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        List<InventoryItem> items = new ArrayList<>();
        List<OperationRecord> records = new ArrayList<>();
        for (Schedule schedule : catalog.schedules().values()) {
            Timeline timeline = Timeline.of(schedule, HolidaySources.forSchedule(schedule, catalog.calendars()));
            PowerState state = timeline.stateAt(at);
            Transition last = timeline.lastTransition(at).orElse(null);
            List<InventoryItem> bound = new ArrayList<>();
            for (Account account : catalog.accounts().select(schedule.scope().accounts())) {
                for (String region : account.regions()) {
                    if (!schedule.scope().regions().isEmpty() && !schedule.scope().regions().contains(region)) {
                        continue;
                    }
                    bound.addAll(targets(schedule, account, region, state, at));
                }
            }
            bound.forEach(inventory::upsert);
            items.addAll(bound);
            if (last != null) { // records are keyed by the intent's instant, as the workers write them
                Instant since = sinceOf(schedule.name(), last.at(), at);
                records.addAll(recordTransition(schedule, new Transition(since, last.state()), bound, control,
                        operations, at));
            }
            intent(control, schedule.name(), state, last == null ? at.minus(Duration.ofDays(1)) : last.at(),
                    bound.size(), at);
        }
        Account typoAccount = catalog.accounts().accounts().get(0);
        InventoryItem typo = new InventoryItem(Target.asg(typoAccount.id(), typoAccount.regions().get(0), "typo-runners"),
                TYPO, Map.of("offhours.dev/schedule", TYPO), new Capacity(1, 2, 4), null, TargetState.AWAKE,
                at.minusSeconds(900), InventoryItem.DISCOVERY, 1, at.minusSeconds(240));
        inventory.upsert(typo);
        items.add(typo);
        saveIntent(control, first(REMOVED, PowerState.AWAKE, at.minus(Duration.ofMinutes(20)),
                ScheduleIntent.SCHEDULE_REMOVED), new ScheduleIntent.Progress(4, 2, 2, 0, at.minusSeconds(30)), null);
        control.saveStatus(new ReconcilerStatus(REVISION, REVISION, at.minusSeconds(20),
                List.of(new Condition(ConditionType.READY, ConditionStatus.TRUE, "Succeeded",
                        "Applied revision " + REVISION + " with " + catalog.schedules().size() + " schedules",
                        at.minus(Duration.ofHours(3)))), List.of(), at.minusSeconds(20)));
        for (Account account : catalog.accounts().accounts()) {
            for (String region : account.regions()) {
                boolean dead = account.id().equals(DEAD_ACCOUNT);
                control.saveAccountHealth(new AccountHealth(account.id(), region,
                        dead ? HealthStatus.DEGRADED : HealthStatus.OK, at.minusSeconds(240),
                        dead ? null : at.minusSeconds(600), dead ? DEAD_ERROR : null, 0));
            }
        }
        return new Seeded(items, records, orphans(catalog, control, at));
    }

    /** The intent as the hub writes it: formed (version 1), its first pass sent (2), then counted (3). */
    private static void saveIntent(ControlStore control, ScheduleIntent first, ScheduleIntent.Progress progress,
                                   Instant convergedAt) {
        control.saveIntent(first);
        if (progress != null) {
            Instant sent = first.since().plusMillis(300);
            ScheduleIntent passed = first.withPass(null, sent, sent);
            control.saveIntent(passed);
            control.saveIntent(passed.withProgress(progress, convergedAt));
        }
    }

    private static void intent(ControlStore control, String name, PowerState state, Instant lastTransition,
                               int targets, Instant at) {
        Instant checked = at.minusSeconds(30);
        switch (CONVERGENCE.getOrDefault(name, "Converged")) {
            case "Converged" -> saveIntent(control, first(name, state, lastTransition, ScheduleIntent.TRANSITION),
                    new ScheduleIntent.Progress(targets, targets, 0, 0, checked), lastTransition.plusSeconds(40));
            case "NotConverged" -> saveIntent(control, first(name, state, at.minus(Duration.ofMinutes(30)),
                    ScheduleIntent.SCHEDULE_CHANGED), new ScheduleIntent.Progress(targets, targets - 3, 2, 1, checked),
                    null);
            case "Converging" -> saveIntent(control, first(name, state, at.minus(Duration.ofMinutes(2)),
                    ScheduleIntent.SCHEDULE_CHANGED), new ScheduleIntent.Progress(targets, targets - 1, 1, 0, checked),
                    null);
            case "IntentBehind" -> saveIntent(control, first(name, state == PowerState.AWAKE ? PowerState.ASLEEP
                            : PowerState.AWAKE, at.minus(Duration.ofHours(1)), ScheduleIntent.TRANSITION),
                    new ScheduleIntent.Progress(targets, targets, 0, 0, checked), at.minus(Duration.ofMinutes(59)));
            case "Suspended" -> saveIntent(control, first(name, state, at.minus(Duration.ofDays(2)),
                    ScheduleIntent.SUSPENDED), null, null);
            default -> { } // NoIntentYet
        }
    }

    /** The instant {@link #intent} gives the schedule's intent. */
    private static Instant sinceOf(String name, Instant lastTransition, Instant at) {
        return switch (CONVERGENCE.getOrDefault(name, "Converged")) {
            case "NotConverged" -> at.minus(Duration.ofMinutes(30));
            case "Converging" -> at.minus(Duration.ofMinutes(2));
            case "IntentBehind" -> at.minus(Duration.ofHours(1));
            case "Suspended" -> at.minus(Duration.ofDays(2));
            default -> lastTransition;
        };
    }

    private static ScheduleIntent first(String name, PowerState state, Instant since, String reason) {
        return ScheduleIntent.first(name, state, since, reason, "", REVISION);
    }

    private static List<OrphanReport> orphans(ScheduleCatalog catalog, ControlStore control, Instant at) {
        Account account = catalog.accounts().accounts().get(0);
        String region = account.regions().get(0);
        List<OrphanReport> orphans = List.of(
                new OrphanReport(Target.asg(account.id(), region, "legacy-reports"), "payments-dev",
                        new Capacity(0, 0, 0), new Capacity(2, 3, 6), at.minusSeconds(3600), OrphanReport.EVENT),
                new OrphanReport(Target.nodegroup(account.id(), region, "payments-dev-eks", "spot"), "payments-dev",
                        new Capacity(0, 0, 0), null, at.minusSeconds(7200), OrphanReport.DISCOVERY));
        orphans.forEach(control::reportOrphan);
        return orphans;
    }

    private static List<InventoryItem> targets(Schedule schedule, Account account, String region, PowerState state,
                                               Instant at) {
        Capacity awake = new Capacity(2, 3, 6);
        List<InventoryItem> items = new ArrayList<>();
        List<Target> targets = List.of(
                Target.nodegroup(account.id(), region, schedule.name() + "-eks", "workers"),
                Target.nodegroup(account.id(), region, schedule.name() + "-eks", "batch"),
                Target.asg(account.id(), region, schedule.name() + "-runners"));
        for (int i = 0; i < targets.size(); i++) {
            boolean unknown = i == 2 && account.id().equals(DEAD_ACCOUNT);
            TargetState targetState = unknown ? TargetState.UNKNOWN
                    : state == PowerState.AWAKE ? TargetState.AWAKE : TargetState.ASLEEP;
            Capacity current = targetState == TargetState.ASLEEP ? new Capacity(0, 0, 0) : awake;
            items.add(new InventoryItem(targets.get(i), schedule.name(),
                    Map.of("offhours.dev/schedule", schedule.name(), "team", schedule.owner()), current, awake,
                    targetState, at.minusSeconds(900), InventoryItem.DISCOVERY, 1, at.minusSeconds(240)));
        }
        return items;
    }

    private static List<OperationRecord> recordTransition(Schedule schedule, Transition last, List<InventoryItem> bound,
                                         ControlStore control, OperationStore operations, Instant at) {
        Instant transition = last.at();
        Action action = last.state() == PowerState.AWAKE ? Action.WAKE : Action.SLEEP;
        int i = 0;
        List<OperationRecord> records = new ArrayList<>();
        for (InventoryItem item : bound) {
            boolean failed = item.target().account().equals(DEAD_ACCOUNT);
            Instant created = transition.plusMillis(500 + 40L * i++);
            Capacity before = action == Action.SLEEP ? item.savedAwake() : new Capacity(0, 0, 0);
            Capacity after = failed ? null : action == Action.SLEEP ? new Capacity(0, 0, 0) : item.savedAwake();
            OperationRecord record = new OperationRecord(schedule.name(), transition, item.targetKey(), action, before, after,
                    failed ? OperationStatus.FAILED : OperationStatus.SUCCEEDED, failed ? 3 : 1,
                    failed ? "AccessDenied" : null, failed ? "cannot assume the spoke role" : "done",
                    Duration.ofMillis(180), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null, created,
                    created.plusMillis(180), created.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));
            operations.save(record);
            records.add(record);
        }
        return records;
    }
}
