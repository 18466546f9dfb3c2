package dev.offhours.reconciler.dispatch;

import dev.offhours.core.schedule.AccountRegistry;
import java.util.Objects;

/**
 * The applied revision of the schedules repository as the dispatcher needs it: its id (written into every work
 * item) and its account registry (resolves a schedule's scope: aliases, ids, {@code group:} selectors).
 *
 * @param id e.g. {@code main@sha1:3f2a...}
 */
public record AppliedRevision(String id, AccountRegistry accounts) {

    public static final AppliedRevision NONE = new AppliedRevision("", AccountRegistry.EMPTY);

    public AppliedRevision {
        id = id == null ? "" : id;
        accounts = Objects.requireNonNullElse(accounts, AccountRegistry.EMPTY);
    }
}
