package dev.offhours.reconciler.notify;

import dev.offhours.core.notify.HubSignals;
import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.work.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The control store, with an {@link AccountHealthChanged} event each time a health write changes an account and
 * region's status (DEGRADED, or OK again after DEGRADED; a first OK is no news). The status before is read just
 * before the write: two replicas discovering the same account in the same moment may both announce its change.
 */
public final class AccountHealthEvents implements ControlStore {

    private final ControlStore delegate;
    private final EventSink events;
    private final Clock clock;

    public AccountHealthEvents(ControlStore delegate, EventSink events, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void saveAccountHealth(AccountHealth health) {
        Optional<AccountHealth> before = delegate.accountHealth(health.account(), health.region());
        delegate.saveAccountHealth(health);
        announceChange(before, health);
    }

    @Override
    public void recordDiscovery(AccountHealth health) {
        Optional<AccountHealth> before = delegate.accountHealth(health.account(), health.region());
        delegate.recordDiscovery(health);
        announceChange(before, health);
    }

    private void announceChange(Optional<AccountHealth> before, AccountHealth after) {
        HealthStatus previous = before.map(AccountHealth::status).orElse(null);
        boolean changed = previous == null ? after.status() == HealthStatus.DEGRADED : previous != after.status();
        if (!changed) {
            return;
        }
        // a lost event must not fail discovery: the AccountsDegraded metric still says it
        events.put(HubSignals.ACCOUNT_HEALTH_CHANGED, EventJson.write(new AccountHealthChanged(after.account(),
                after.region(), after.status().name(), previous == null ? null : previous.name(),
                after.status() == HealthStatus.OK ? null : after.lastError(), after.lastDiscoveryAt(),
                clock.instant())));
    }

    @Override
    public Optional<ReconcilerStatus> status() {
        return delegate.status();
    }

    @Override
    public boolean saveStatus(ReconcilerStatus status) {
        return delegate.saveStatus(status);
    }

    @Override
    public Optional<ScheduleIntent> intent(String schedule) {
        return delegate.intent(schedule);
    }

    @Override
    public List<ScheduleIntent> intents() {
        return delegate.intents();
    }

    @Override
    public boolean saveIntent(ScheduleIntent intent) {
        return delegate.saveIntent(intent);
    }

    @Override
    public void recordEventSeen(String account, String region, Instant eventTime) {
        delegate.recordEventSeen(account, region, eventTime);
    }

    @Override
    public Optional<AccountHealth> accountHealth(String account, String region) {
        return delegate.accountHealth(account, region);
    }

    @Override
    public List<AccountHealth> accountHealth() {
        return delegate.accountHealth();
    }

    @Override
    public void reportOrphan(OrphanReport report) {
        delegate.reportOrphan(report);
    }

    @Override
    public List<OrphanReport> orphans() {
        return delegate.orphans();
    }

    @Override
    public void clearOrphan(Target target) {
        delegate.clearOrphan(target);
    }
}
