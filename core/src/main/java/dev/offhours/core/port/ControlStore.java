package dev.offhours.core.port;

import dev.offhours.core.work.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The hub's control state shared by every replica: reconciler status, each schedule's intent, account health and
 * resources left asleep without their opt-in tag. Every
 * read is a key lookup or a range read on one known partition. Implementations throw
 * {@link StoreUnavailableException} for transient failures.
 */
public interface ControlStore {

    Optional<ReconcilerStatus> status();

    /**
     * Stores {@code status} unless the stored one was updated later (a slow replica does not undo a newer status).
     *
     * @return true if written
     */
    boolean saveStatus(ReconcilerStatus status);

    /** The intent of {@code schedule} (a key lookup), empty when the hub never formed one. */
    Optional<ScheduleIntent> intent(String schedule);

    /** Every schedule's intent, also of removed schedules, ordered by schedule name (one partition, never a scan). */
    List<ScheduleIntent> intents();

    /**
     * Writes {@code intent} if the stored one has version {@code intent.version() - 1} (none stored counts as 0):
     * optimistic concurrency, so two replicas never overwrite each other's intent, lease or progress.
     *
     * @return true if written; false if another write came first (read again and decide again)
     */
    boolean saveIntent(ScheduleIntent intent);

    /** Creates or replaces the health of {@code health}'s account and region, every field. */
    void saveAccountHealth(AccountHealth health);

    /**
     * Records a discovery run's view of an account and region: every field of {@code health} but
     * {@code lastEventAt}, which keeps its stored value (only {@link #recordEventSeen} moves it). Atomic, so a
     * discovery run and the event updater writing at the same moment never undo each other.
     */
    void recordDiscovery(AccountHealth health);

    /**
     * Raises the account and region's {@code lastEventAt} to {@code eventTime} when that is later, creating an OK
     * health record when there is none; no other field changes. Atomic, like {@link #recordDiscovery}.
     */
    void recordEventSeen(String account, String region, Instant eventTime);

    Optional<AccountHealth> accountHealth(String account, String region);

    /** Health of every account and region, ordered by account then region. */
    List<AccountHealth> accountHealth();

    /**
     * Creates or replaces the report of {@code report}'s target (one report per target, the latest wins). It expires
     * {@link OrphanReport#RETENTION} after {@link OrphanReport#reportedAt()}.
     */
    void reportOrphan(OrphanReport report);

    /** Every unexpired orphan report, ordered by target key (one partition, never a scan). */
    List<OrphanReport> orphans();

    /** Forgets the report of {@code target}, if any (the resource opted in again). */
    void clearOrphan(Target target);
}
