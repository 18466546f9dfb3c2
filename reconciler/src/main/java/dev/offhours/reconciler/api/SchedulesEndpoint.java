package dev.offhours.reconciler.api;

import dev.offhours.api.ConvergenceView;
import dev.offhours.api.PageView;
import dev.offhours.api.ScheduleView;
import dev.offhours.api.SchedulesApi;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.reconciler.reconcile.FleetConvergence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /v1/schedules}: the applied catalog, with the counts, last dispatches and intents the hub stored. Intents are
 * read fresh (a key lookup, or one partition per page), so a schedule's page never lags its own intent.
 */
public final class SchedulesEndpoint implements SchedulesApi {

    /** The single-schedule view counts the results of its last transition over at most this many records. */
    static final int RESULTS_READ_MAX = 5_000;

    private final ApiDependencies deps;
    private final InventoryCounts counts;

    SchedulesEndpoint(ApiDependencies deps, InventoryCounts counts) {
        this.deps = deps;
        this.counts = counts;
    }

    @Override
    public PageView<ScheduleView> list(String cursor, String limitText) {
        int limit = Params.limit(limitText);
        List<String> position = ApiCursor.decode("schedules", 0, cursor);
        ScheduleCatalog catalog = deps.catalog().get();
        Instant now = deps.clock().instant();
        InventoryCounts.Snapshot snapshot = counts.current();
        Map<String, ScheduleIntent> intents = new TreeMap<>();
        deps.control().intents().forEach(i -> intents.put(i.schedule(), i)); // one partition read per page
        var names = position == null ? catalog.schedules().keySet()
                : catalog.schedules().tailMap(position.get(0) + "\0").keySet();
        List<ScheduleView> views = new ArrayList<>();
        String last = null;
        for (String name : names) {
            if (views.size() == limit) {
                return new PageView<>(views, ApiCursor.encode("schedules", List.of(), last));
            }
            Schedule schedule = catalog.schedules().get(name);
            views.add(ScheduleViews.view(schedule, catalog, now, snapshot.schedule(name), intents.get(name),
                    Map.of(), convergence(schedule, catalog, intents.get(name), now))
                    .withQuota(Views.quotaCondition(deps.quota().forSchedule(name))));
            last = name;
        }
        return new PageView<>(views, null);
    }

    @Override
    public ScheduleView get(String name) {
        ScheduleCatalog catalog = deps.catalog().get();
        Schedule schedule = catalog.schedule(name).orElseThrow(() -> ApiProblem.notFound("no schedule named '" + name
                + "' in the applied revision; GET /v1/schedules lists the " + catalog.schedules().size() + " there are."));
        ScheduleIntent intent = deps.control().intent(name).orElse(null);
        Instant now = deps.clock().instant();
        return ScheduleViews.view(schedule, catalog, now, counts.current().schedule(name), intent,
                intent == null ? Map.of() : results(intent), convergence(schedule, catalog, intent, now))
                .withQuota(Views.quotaCondition(deps.quota().forSchedule(name)));
    }

    private ConvergenceView convergence(Schedule schedule, ScheduleCatalog catalog, ScheduleIntent intent,
                                        Instant now) {
        return ConvergenceViews.view(FleetConvergence.judge(schedule, catalog, intent, now, deps.overdueAfter()));
    }

    private Map<String, Long> results(ScheduleIntent last) {
        Map<String, Long> results = new TreeMap<>();
        String cursor = null;
        int read = 0;
        do {
            Page<OperationRecord> page = deps.history().byTransition(last.schedule(), last.since(), cursor, 1000);
            page.items().forEach(r -> results.merge(r.status().name(), 1L, Long::sum));
            read += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null && read < RESULTS_READ_MAX);
        return results;
    }
}
