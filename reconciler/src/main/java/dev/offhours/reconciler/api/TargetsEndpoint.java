package dev.offhours.reconciler.api;

import dev.offhours.api.PageView;
import dev.offhours.api.TargetView;
import dev.offhours.api.TargetsApi;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.ScheduleCatalog;

import java.util.List;
import java.util.function.Predicate;

/** {@code /v1/targets}: the inventory of one schedule (bySchedule index) or of one account and region (partition). */
public final class TargetsEndpoint implements TargetsApi {

    private final ApiDependencies deps;

    TargetsEndpoint(ApiDependencies deps) {
        this.deps = deps;
    }

    @Override
    public PageView<TargetView> list(String schedule, String account, String region, String stateText,
                                     String cursor, String limitText) {
        int limit = Params.limit(limitText);
        TargetState state = Params.given(stateText) ? Params.choice("state", stateText, TargetState.class) : null;
        Predicate<InventoryItem> keep = item -> (state == null || item.state() == state)
                && (!Params.given(account) || item.target().account().equals(account))
                && (!Params.given(region) || item.target().region().equals(region));
        Page<InventoryItem> page;
        List<String> fixed;
        if (Params.given(schedule)) {
            fixed = List.of("s", schedule, String.valueOf(account), String.valueOf(region), String.valueOf(state));
            String storeCursor = storeCursor(fixed, cursor);
            page = read(() -> Filtered.page((c, n) -> deps.inventory().bySchedule(schedule, c, n), storeCursor, limit,
                    keep, item -> false));
            if (cursor == null && page.items().isEmpty() && deps.catalog().get().schedule(schedule).isEmpty()) {
                throw ApiProblem.notFound("no schedule named '" + schedule + "' in the applied revision and no "
                        + "target bound to it; GET /v1/schedules lists the schedules.");
            }
        } else if (Params.given(account) && Params.given(region)) {
            fixed = List.of("a", account, region, String.valueOf(state));
            String storeCursor = storeCursor(fixed, cursor);
            page = read(() -> Filtered.page((c, n) -> deps.inventory().byAccountRegion(account, region, c, n),
                    storeCursor, limit, keep, item -> false));
        } else {
            throw ApiProblem.badRequest("targets are listed by schedule (schedule=NAME) or by account and region "
                    + "(account=ID&region=REGION); state=AWAKE|ASLEEP|UNKNOWN narrows either.");
        }
        ScheduleCatalog catalog = deps.catalog().get();
        return new PageView<>(page.items().stream()
                .map(item -> Views.target(item, catalog.schedule(item.schedule()).isPresent())).toList(),
                ApiCursor.encode("targets", fixed, page.nextCursor()));
    }

    private static String storeCursor(List<String> fixed, String cursor) {
        List<String> parts = ApiCursor.decode("targets", fixed.size(), cursor);
        if (parts == null) {
            return null;
        }
        if (!parts.subList(0, fixed.size()).equals(fixed)) {
            throw ApiCursor.invalid();
        }
        return parts.get(fixed.size());
    }

    static <T> T read(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw ApiCursor.invalid();
        }
    }
}
