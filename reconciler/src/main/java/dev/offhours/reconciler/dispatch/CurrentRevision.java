package dev.offhours.reconciler.dispatch;

import dev.offhours.core.schedule.AccountRegistry;
import java.util.function.Supplier;

/**
 * The revision the reconciler applied last. The reconcile loop calls {@link #set} before it registers the schedules
 * of a new revision, so that a transition firing afterwards carries the new id and scope. Thread-safe.
 */
public final class CurrentRevision implements Supplier<AppliedRevision> {

    private volatile AppliedRevision revision = AppliedRevision.NONE;

    public void set(String id, AccountRegistry accounts) {
        revision = new AppliedRevision(id, accounts);
    }

    @Override
    public AppliedRevision get() {
        return revision;
    }
}
