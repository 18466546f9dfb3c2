package dev.offhours.reconciler.api;

import dev.offhours.api.OperationView;
import dev.offhours.api.OperationsApi;
import dev.offhours.api.PageView;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.Page;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code /v1/operations}: every listing is one index read of the operations table, newest first. {@code latest} and
 * failures keep their time window in the cursor, so later pages continue the same window.
 */
public final class OperationsEndpoint implements OperationsApi {

    /** How long a client may take to page through one window. */
    static final Duration CURSOR_LIFETIME = Duration.ofDays(1);
    /** Replicas' clocks differ a little: a cursor made by another one may end slightly after this one's now. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ApiDependencies deps;

    OperationsEndpoint(ApiDependencies deps) {
        this.deps = deps;
    }

    @Override
    public PageView<OperationView> latest(String since, String cursor, String limitText) {
        return window("latest", since, cursor, Params.limit(limitText), false);
    }

    @Override
    public PageView<OperationView> list(String schedule, String transition, String target, String statusText,
                                        String since, String cursor, String limitText) {
        int limit = Params.limit(limitText);
        OperationStatus status = Params.given(statusText)
                ? Params.choice("status", statusText, OperationStatus.class) : null;
        if (Params.given(target)) {
            Instant from = Params.given(since) ? Params.since(since, deps.clock(), deps.recordRetention()) : Instant.MIN;
            List<String> fixed = List.of(target, String.valueOf(status), from.toString());
            return filtered("target", fixed, cursor, limit, (c, n) -> deps.history().byTarget(target, c, n),
                    r -> status == null || r.status() == status, r -> r.createdAt().isBefore(from));
        }
        if (Params.given(schedule)) {
            Instant at = Params.given(transition) ? Params.instant("transition", transition) : lastDispatch(schedule);
            if (at == null) {
                return new PageView<>(List.of(), null);
            }
            List<String> fixed = List.of(schedule, at.toString(), String.valueOf(status));
            return filtered("transition", fixed, cursor, limit,
                    (c, n) -> deps.history().byTransition(schedule, at, c, n),
                    r -> status == null || r.status() == status, r -> false);
        }
        if (status == OperationStatus.FAILED) {
            return window("failures", since, cursor, limit, true);
        }
        if (status != null) {
            throw ApiProblem.badRequest("status=" + status + " needs schedule=NAME or target=KEY; across the fleet "
                    + "only status=FAILED is listed (GET /v1/operations/latest lists everything).");
        }
        return window("latest", since, cursor, limit, false);
    }

    @Override
    public OperationView get(String id) {
        OperationRecord.Key key = OperationIds.parse(id);
        return deps.operations().find(key).map(Views::operation).orElseThrow(() -> ApiProblem.notFound(
                "no operation record of schedule '" + key.schedule() + "' at " + key.transition() + " for target '"
                        + key.targetKey() + "'; records expire after their retention."));
    }

    private PageView<OperationView> window(String listing, String since, String cursor, int limit, boolean failures) {
        List<String> parts = ApiCursor.decode(listing, 2, cursor);
        Instant from;
        Instant to;
        String storeCursor = null;
        if (parts == null) {
            from = Params.since(since, deps.clock(), deps.recordRetention());
            to = deps.clock().instant();
            if (!from.isBefore(to)) {
                throw ApiProblem.badRequest("since must be in the past, but " + from + " is not before now (" + to
                        + ").");
            }
        } else {
            from = parse(parts.get(0));
            to = parse(parts.get(1));
            storeCursor = parts.get(2);
            checkWindow(from, to);
        }
        String start = storeCursor;
        Page<OperationRecord> page = TargetsEndpoint.read(() -> failures
                ? deps.history().failures(from, to, start, limit)
                : deps.history().latest(from, to, start, limit));
        return new PageView<>(page.items().stream().map(Views::operation).toList(),
                ApiCursor.encode(listing, List.of(from.toString(), to.toString()), page.nextCursor()));
    }

    /**
     * A cursor carries its window, so it must hold one a first page could have chosen: within the retention (plus
     * the time a client may take to page through), not in the future. A forged window would otherwise walk every
     * day it spans.
     */
    private void checkWindow(Instant from, Instant to) {
        Instant now = deps.clock().instant();
        Instant oldest = now.minus(deps.recordRetention()).minus(CURSOR_LIFETIME);
        if (!from.isBefore(to) || from.isBefore(oldest) || to.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiProblem.badRequest("cursor must be the nextCursor of a page of the last " + CURSOR_LIFETIME
                    .toHours() + " hours, within the records' retention; omit it to start from the first page.");
        }
    }

    private PageView<OperationView> filtered(String listing, List<String> fixed, String cursor, int limit,
                                             java.util.function.BiFunction<String, Integer, Page<OperationRecord>> read,
                                             Predicate<OperationRecord> keep, Predicate<OperationRecord> until) {
        List<String> parts = ApiCursor.decode(listing, fixed.size(), cursor);
        if (parts != null && !parts.subList(0, fixed.size()).equals(fixed)) {
            throw ApiCursor.invalid();
        }
        String start = parts == null ? null : parts.get(fixed.size());
        Page<OperationRecord> page = TargetsEndpoint.read(() -> Filtered.page(read, start, limit, keep, until));
        return new PageView<>(page.items().stream().map(Views::operation).toList(),
                ApiCursor.encode(listing, fixed, page.nextCursor()));
    }

    private Instant lastDispatch(String schedule) {
        return deps.control().intent(schedule).map(ScheduleIntent::since).orElseGet(() -> {
            if (deps.catalog().get().schedule(schedule).isEmpty()) {
                throw ApiProblem.notFound("no schedule named '" + schedule + "' in the applied revision; GET "
                        + "/v1/schedules lists the schedules.");
            }
            return null;
        });
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.DateTimeException e) {
            throw ApiCursor.invalid();
        }
    }
}
