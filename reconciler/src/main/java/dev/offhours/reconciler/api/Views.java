package dev.offhours.reconciler.api;

import dev.offhours.api.QuotaCheckView;
import java.util.List;
import dev.offhours.core.quota.OnBreach;
import dev.offhours.reconciler.quota.QuotaFinding;
import dev.offhours.api.AccountView;
import dev.offhours.api.CapacityView;
import dev.offhours.api.ConditionView;
import dev.offhours.api.OperationView;
import dev.offhours.api.OrphanView;
import dev.offhours.api.TargetView;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.Condition;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.TargetState;
import dev.offhours.reconciler.inventory.OrphanedSleeper;

import java.time.Instant;
import java.util.Map;

/** Domain values to their JSON representations; instants as ISO-8601 text. */
final class Views {

    private Views() {
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static CapacityView capacity(Capacity capacity) {
        return capacity == null ? null : new CapacityView(capacity.min(), capacity.desired(), capacity.max());
    }

    static ConditionView condition(Condition c) {
        return new ConditionView(c.type().wireName(), c.status().wireName(), c.reason(), c.message(),
                text(c.lastTransitionTime()));
    }

    static TargetView target(InventoryItem item, boolean scheduleKnown) {
        var t = item.target();
        return new TargetView(item.targetKey(), t.account(), t.region(), t.kind().wireName(), t.cluster(), t.name(),
                item.schedule(), scheduleKnown, item.state().name(), capacity(item.current()), capacity(item.savedAwake()),
                item.tags(), text(item.lastEventAt()), item.source(), text(item.updatedAt()));
    }

    static OperationView operation(OperationRecord r) {
        return new OperationView(OperationIds.of(r.key()), r.schedule(), text(r.transition()), r.targetKey(),
                r.action().name(), r.status().name(), capacity(r.before()), capacity(r.after()), r.attempts(),
                r.errorCode(), r.message(), r.duration().toMillis(), r.traceId(), text(r.createdAt()),
                text(r.updatedAt()));
    }

    static OrphanView orphan(OrphanReport r) {
        var t = r.target();
        return new OrphanView(t.key(), t.account(), t.region(), t.kind().wireName(), t.cluster(), t.name(),
                r.schedule(), capacity(r.current()), capacity(r.savedAwake()), text(r.reportedAt()), r.reportedBy(),
                OrphanedSleeper.of(r).sentence());
    }

    static AccountView account(AccountHealth h, String alias, Map<String, Long> targetsByState, boolean eventsEnabled) {
        return new AccountView(h.account(), alias, h.region(), h.status().name(), text(h.lastDiscoveryAt()),
                text(h.lastEventAt()), events(eventsEnabled, h.lastEventAt() != null, targetsByState), h.lastError(),
                h.correctedItems(), targetsByState);
    }

    /**
     * Whether events arrive from an account and region. Offhours' own sleep is an API call that a trail of management
     * write events records and the spoke rules forward, so an account with targets asleep and no event at all is
     * missing its trail or its rules.
     */
    static String events(boolean eventsEnabled, boolean seen, Map<String, Long> targetsByState) {
        if (!eventsEnabled) {
            return "OFF";
        }
        if (seen) {
            return "SEEN";
        }
        return targetsByState.getOrDefault(TargetState.ASLEEP.name(), 0L) > 0 ? "MISSING" : "NONE_YET";
    }

    /** A quota pre-flight finding as {@code /v1/accounts} shows it. */
    static QuotaCheckView quotaCheck(QuotaFinding finding) {
        return new QuotaCheckView(finding.schedule(), text(finding.since()), text(finding.checkedAt()),
                finding.onBreach() == OnBreach.WARN ? "warn" : "wakeInPriorityOrder", finding.breached(),
                finding.summary(), finding.needs().stream().map(need -> new QuotaCheckView.QuotaUseView(
                        need.key().code(), need.key().name(), need.need(), need.quota(), need.usage(), need.headroom(),
                        need.breached())).toList(), finding.targets(), finding.refused(), finding.unmeasured());
    }

    /** The schedule's {@code QuotaHeadroom} condition from its latest pre-flights, null when none ran. */
    static ConditionView quotaCondition(List<QuotaFinding> findings) {
        if (findings.isEmpty()) {
            return null;
        }
        List<QuotaFinding> breached = findings.stream().filter(QuotaFinding::breached).toList();
        QuotaFinding newest = findings.get(0);
        if (breached.isEmpty()) {
            return new ConditionView("QuotaHeadroom", "True", "WithinQuota", "the latest wake wave fit every vCPU "
                    + "quota in " + findings.size() + " account-regions", text(newest.checkedAt()));
        }
        return new ConditionView("QuotaHeadroom", "False", "QuotaExceeded",
                String.join(" | ", breached.stream().map(QuotaFinding::summary).toList()),
                text(breached.get(0).checkedAt()));
    }
}
