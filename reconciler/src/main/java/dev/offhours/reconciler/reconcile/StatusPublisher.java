package dev.offhours.reconciler.reconcile;

import dev.offhours.core.port.Condition;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ConditionType;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.port.StoreUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the reconciler status to the control store, where every replica and the API read it. A condition keeps its
 * {@code lastTransitionTime} while its status stays the same (Kubernetes semantics), so the API can say since when
 * the service has been Ready or refusing. A store outage is logged and does not stop reconciling.
 */
final class StatusPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final ControlStore store;
    private final Clock clock;
    private List<Condition> previous;

    StatusPublisher(ControlStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The status stored by this or another replica, if the store answers. */
    Optional<ReconcilerStatus> stored() {
        try {
            return store.status();
        } catch (StoreUnavailableException e) {
            LOG.warn("Cannot read the reconciler status from the control store: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** A condition to publish; its time is filled in by {@link #publish}. */
    static Condition condition(ConditionType type, ConditionStatus status, String reason, String message) {
        return new Condition(type, status, reason, message, Instant.EPOCH);
    }

    ReconcilerStatus publish(String appliedRevision, String lastFetchedRevision, Instant lastFetchedAt,
            List<Condition> conditions, List<String> problems) {
        Instant now = clock.instant();
        if (previous == null) {
            previous = stored().map(ReconcilerStatus::conditions).orElse(List.of());
        }
        List<Condition> timed = new ArrayList<>();
        for (Condition condition : conditions) {
            timed.add(new Condition(condition.type(), condition.status(), condition.reason(), condition.message(),
                    sinceWhen(condition, now)));
        }
        ReconcilerStatus status = new ReconcilerStatus(appliedRevision, lastFetchedRevision, lastFetchedAt, timed,
                problems, now);
        previous = timed;
        try {
            store.saveStatus(status);
        } catch (StoreUnavailableException e) {
            LOG.warn("Cannot save the reconciler status to the control store; the next run tries again: {}",
                    e.getMessage());
        }
        return status;
    }

    private Instant sinceWhen(Condition condition, Instant now) {
        return previous.stream()
                .filter(p -> p.type() == condition.type() && p.status() == condition.status())
                .map(Condition::lastTransitionTime)
                .findFirst()
                .orElse(now);
    }
}
