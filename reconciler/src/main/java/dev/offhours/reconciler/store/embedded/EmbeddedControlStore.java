package dev.offhours.reconciler.store.embedded;

import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.work.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * The control table in the embedded store: one map {@code control} with the DynamoDB table's pk/sk joined by NUL
 * ({@code status/reconciler}, {@code intent/<schedule>},
 * {@code health/<account>#<region>}, {@code orphan/<target key>}). Every write commits at once. Expired orphan reports
 * are left in place (they are few and small) and skipped on read.
 */
public final class EmbeddedControlStore implements ControlStore {

    private static final String STATUS = Keys.join("status", "reconciler");
    private static final String HEALTH = "health";
    private static final String ORPHAN = "orphan";
    private static final String INTENT = "intent";

    private final EmbeddedHubStore hub;
    private final MVMap<String, String> control;
    private final Clock clock;

    /** @param clock tells which orphan reports have expired */
    EmbeddedControlStore(EmbeddedHubStore hub, Clock clock) {
        this.hub = hub;
        this.control = hub.map("control");
        this.clock = clock;
    }

    @Override
    public Optional<ReconcilerStatus> status() {
        return read(STATUS, ReconcilerStatus.class);
    }

    @Override
    public boolean saveStatus(ReconcilerStatus status) {
        return write(() -> {
            Optional<ReconcilerStatus> stored = status();
            if (stored.isPresent() && stored.get().updatedAt().isAfter(status.updatedAt())) {
                return false;
            }
            control.put(STATUS, EmbeddedJson.write(status));
            return true;
        });
    }

    @Override
    public Optional<ScheduleIntent> intent(String schedule) {
        return read(Keys.join(INTENT, schedule), ScheduleIntent.class);
    }

    @Override
    public List<ScheduleIntent> intents() {
        return partition(INTENT, ScheduleIntent.class);
    }

    @Override
    public boolean saveIntent(ScheduleIntent intent) {
        return write(() -> {
            long stored = intent(intent.schedule()).map(ScheduleIntent::version).orElse(0L);
            if (stored != intent.version() - 1) {
                return false;
            }
            control.put(Keys.join(INTENT, intent.schedule()), EmbeddedJson.write(intent));
            return true;
        });
    }

    @Override
    public synchronized void saveAccountHealth(AccountHealth health) {
        write(() -> control.put(Keys.join(HEALTH, health.account() + "#" + health.region()), EmbeddedJson.write(health)));
    }

    @Override
    public synchronized void recordDiscovery(AccountHealth health) {
        Instant lastEventAt = accountHealth(health.account(), health.region()).map(AccountHealth::lastEventAt)
                .orElse(null);
        saveAccountHealth(new AccountHealth(health.account(), health.region(), health.status(),
                health.lastDiscoveryAt(), lastEventAt, health.lastError(), health.correctedItems()));
    }

    @Override
    public synchronized void recordEventSeen(String account, String region, Instant eventTime) {
        Optional<AccountHealth> old = accountHealth(account, region);
        if (old.isEmpty()) {
            saveAccountHealth(new AccountHealth(account, region, HealthStatus.OK, null, eventTime, null, 0));
        } else if (old.get().lastEventAt() == null || eventTime.isAfter(old.get().lastEventAt())) {
            AccountHealth h = old.get();
            saveAccountHealth(new AccountHealth(account, region, h.status(), h.lastDiscoveryAt(), eventTime,
                    h.lastError(), h.correctedItems()));
        }
    }

    @Override
    public Optional<AccountHealth> accountHealth(String account, String region) {
        return read(Keys.join(HEALTH, account + "#" + region), AccountHealth.class);
    }

    @Override
    public List<AccountHealth> accountHealth() {
        return partition(HEALTH, AccountHealth.class);
    }

    @Override
    public void reportOrphan(OrphanReport report) {
        write(() -> control.put(Keys.join(ORPHAN, report.target().key()), EmbeddedJson.write(report)));
    }

    @Override
    public List<OrphanReport> orphans() {
        Instant now = clock.instant();
        return partition(ORPHAN, OrphanReport.class).stream().filter(report -> !report.isExpiredAt(now)).toList();
    }

    @Override
    public void clearOrphan(Target target) {
        String key = Keys.join(ORPHAN, target.key());
        if (control.containsKey(key)) { // called for every newly added item: no commit when there is nothing to clear
            write(() -> control.remove(key));
        }
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        String json = control.get(key);
        return json == null ? Optional.empty() : Optional.of(EmbeddedJson.read(json, type));
    }

    private <T> List<T> partition(String pk, Class<T> type) {
        List<T> values = new ArrayList<>();
        Cursor<String, String> cursor = control.cursor(pk + Keys.SEP, pk + '\u0001', false);
        while (cursor.hasNext()) {
            cursor.next();
            values.add(EmbeddedJson.read(cursor.getValue(), type));
        }
        return values;
    }

    private <T> T write(Supplier<T> change) {
        hub.writeLock().lock();
        try {
            T result = change.get();
            hub.commit();
            return result;
        } finally {
            hub.writeLock().unlock();
        }
    }
}
