package dev.offhours.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One simulated day of spoke events for one target, and how many refreshes the updater's coalescing makes of them
 * (the rule of {@code PendingRefreshes}: an API call opens or shortens a window of 2 s, instance events open a window
 * of 60 s; one refresh per window; native instance events of a group the inventory does not hold cost nothing, and
 * neither do instance events within 5 minutes of the group's last refresh: they trail the change it already read).
 */
final class ChangeTraffic {

    static final Duration API_WINDOW = Duration.ofSeconds(2);
    static final Duration INSTANCE_WINDOW = Duration.ofSeconds(60);
    static final Duration TRAILING = Duration.ofMinutes(5);

    record Event(long atMillis, boolean apiCall) {
    }

    record Day(int changes, int events, int refreshes) {
    }

    private ChangeTraffic() {
    }

    /**
     * @param asg     an ASG (its instance events are its own) or a node group (its instance events belong to its
     *                EKS-managed ASG, which the inventory does not hold)
     * @param changes owners' scalings at random times between 06:00 and 22:00, plus offhours' two transitions
     */
    static Day simulate(boolean asg, int ownerChanges, Random random) {
        List<Long> changeTimes = new ArrayList<>();
        for (int i = 0; i < ownerChanges; i++) {
            changeTimes.add(Duration.ofHours(6).toMillis() + (long) (random.nextDouble() * Duration.ofHours(16).toMillis()));
        }
        changeTimes.add(Duration.ofHours(8).toMillis());
        changeTimes.add(Duration.ofHours(18).toMillis());
        List<Event> ours = new ArrayList<>();
        int events = 0;
        for (long at : changeTimes) {
            ours.add(new Event(at, true));
            int instances = 1 + random.nextInt(8);
            events += 1 + instances;
            for (int i = 0; i < instances; i++) {
                long launch = at + 30_000 + (long) (random.nextDouble() * 120_000);
                if (asg) {
                    ours.add(new Event(launch, false));
                }
            }
        }
        ours.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
        return new Day(changeTimes.size(), events, windows(ours));
    }

    private static int windows(List<Event> events) {
        int refreshes = 0;
        long closesAt = Long.MIN_VALUE;
        boolean apiCalls = false;
        long lastEvent = 0;
        long lastRefresh = Long.MIN_VALUE / 2;
        for (Event event : events) {
            if (event.atMillis() >= closesAt && closesAt != Long.MIN_VALUE) {
                if (refreshes(apiCalls, lastEvent, lastRefresh)) {
                    refreshes++;
                    lastRefresh = closesAt;
                }
                closesAt = Long.MIN_VALUE;
            }
            long length = (event.apiCall() ? API_WINDOW : INSTANCE_WINDOW).toMillis();
            if (closesAt == Long.MIN_VALUE) {
                closesAt = event.atMillis() + length;
                apiCalls = false;
            } else {
                closesAt = Math.min(closesAt, event.atMillis() + length);
            }
            apiCalls |= event.apiCall();
            lastEvent = event.atMillis();
        }
        if (closesAt != Long.MIN_VALUE && refreshes(apiCalls, lastEvent, lastRefresh)) {
            refreshes++;
        }
        return refreshes;
    }

    private static boolean refreshes(boolean apiCalls, long lastEvent, long lastRefresh) {
        return apiCalls || lastRefresh < lastEvent - TRAILING.toMillis();
    }
}
