package dev.offhours.reconciler.dispatch;

import dev.offhours.core.schedule.AccountRegistry;
import java.util.function.Supplier;

/**
 * The revision the reconciler applied last. The reconcile loop calls {@link #set} before it registers the schedules
 * of a new revision, so that a transition firing afterwards carries the new id and scope. Thread-safe.
 */
public final class CurrentRevision implements Supplier<Revision> {

    private volatile Revision revision = Revision.NONE;

    public void set(String id, AccountRegistry accounts) {
        revision = new Revision(id, accounts);
    }

    @Override
    public Revision get() {
        return revision;
    }
}
