package dev.offhours.store.contract;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Values shared by the store contracts: fixed instants (millisecond precision, as DynamoDB keeps them). */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-27T18:00:00Z");

    private Fixtures() {
    }

    public static Target asg(String account, String name) {
        return Target.asg(account, "eu-central-1", name);
    }

    public static Target nodegroup(String account, String cluster, String name) {
        return Target.nodegroup(account, "eu-central-1", cluster, name);
    }

    public static InventoryItem item(Target target, String schedule, long version) {
        return new InventoryItem(target, schedule, Map.of("offhours.dev/schedule", schedule, "team", "payments"),
                new Capacity(1, 2, 5), null, TargetState.AWAKE, T0.minusSeconds(60), InventoryItem.DISCOVERY, version,
                T0.plusSeconds(version));
    }

    public static OperationRecord record(String schedule, Instant transition, String targetKey, OperationStatus status,
                                         Instant createdAt) {
        return new OperationRecord(schedule, transition, targetKey, Action.SLEEP, new Capacity(1, 2, 5),
                status == OperationStatus.SUCCEEDED ? new Capacity(0, 0, 0) : null, status, 1,
                status == OperationStatus.FAILED ? "AccessDenied" : null, "what happened", Duration.ofMillis(120),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null, createdAt, createdAt.plusMillis(5),
                createdAt.plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Follows cursors to the end, checking that no page exceeds {@code limit}; returns the pages. */
    public static <T> List<Page<T>> allPages(Function<String, Page<T>> listing, int limit) {
        List<Page<T>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = listing.apply(cursor);
            if (page.items().size() > limit) {
                throw new AssertionError("a page of limit " + limit + " held " + page.items().size() + " items");
            }
            pages.add(page);
            cursor = page.nextCursor();
            if (pages.size() > 1000) {
                throw new AssertionError("the listing never ends");
            }
        } while (cursor != null);
        return pages;
    }

    public static <T> List<T> flatten(List<Page<T>> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).toList();
    }
}
