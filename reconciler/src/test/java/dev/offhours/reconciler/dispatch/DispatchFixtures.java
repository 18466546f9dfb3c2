package dev.offhours.reconciler.dispatch;

import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Schedules, inventory and queue reading shared by the dispatch and transition tests. */
public final class DispatchFixtures {

    public static final String PROD = "111111111111";
    public static final String DEV = "222222222222";
    public static final String OTHER = "333333333333";
    public static final AccountRegistry ACCOUNTS = new AccountRegistry(List.of(
            new Account(PROD, "prod", List.of("eu-west-1", "us-east-1"), List.of("team")),
            new Account(DEV, "dev", List.of("eu-west-1"), List.of("team")),
            new Account(OTHER, "other", List.of("eu-west-1"), List.of())));
    public static final AppliedRevision REVISION = new AppliedRevision("main@sha1:abc123", ACCOUNTS);
    public static final AsleepCapacity ASLEEP = new AsleepCapacity(0, 1);

    private static final WorkItemCodec CODEC = new WorkItemCodec();

    private DispatchFixtures() {
    }

    /** Awake {@code from}-{@code to} on the given days (every day when none given). */
    public static Schedule schedule(String name, ZoneId zone, LocalTime from, LocalTime to, Scope scope,
                                    boolean suspend, boolean enforce, DayOfWeek... days) {
        EnumSet<DayOfWeek> on = days.length == 0 ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(List.of(days));
        return new Schedule(name, "team-a", "", zone, List.of(new AwakePeriod(on, from, to)), List.of(), List.of(),
                List.of(), suspend, enforce, scope, ASLEEP, "schedules/team-a/" + name + ".yaml");
    }

    public static Schedule office(String name, Scope scope) {
        return schedule(name, ZoneId.of("Europe/Paris"), LocalTime.of(7, 30), LocalTime.of(19, 0), scope, false,
                false, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    public static InventoryItem item(String schedule, Target target, TargetState state) {
        return new InventoryItem(target, schedule, Map.of("offhours.dev/schedule", schedule), null, null, state, null,
                InventoryItem.DISCOVERY, 1, Instant.parse("2026-03-01T00:00:00Z"));
    }

    /** {@code count} ASGs of {@code schedule} in the prod account, eu-west-1, in the given state. */
    public static List<Target> addTargets(InventoryStore inventory, String schedule, int count, TargetState state) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Target target = Target.asg(PROD, "eu-west-1", schedule + "-asg-" + i);
            inventory.upsert(item(schedule, target, state));
            targets.add(target);
        }
        return targets;
    }

    /** Receives and deletes everything on the queue, decoded: the items of every message, bundles split. */
    public static List<WorkItem> drain(SqsClient sqs, String queueUrl) {
        return drainMessages(sqs, queueUrl).stream().flatMap(List::stream).toList();
    }

    /** Receives and deletes everything on the queue: per message, the items it carries. */
    public static List<List<WorkItem>> drainMessages(SqsClient sqs, String queueUrl) {
        List<List<WorkItem>> carried = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return carried;
            }
            for (Message message : messages) {
                carried.add(CODEC.itemBodies(message.body()).stream().map(CODEC::decode).toList());
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }
}
