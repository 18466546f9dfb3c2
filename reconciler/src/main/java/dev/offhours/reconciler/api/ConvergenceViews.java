package dev.offhours.reconciler.api;

import dev.offhours.api.ConditionView;
import dev.offhours.api.ConvergenceView;
import dev.offhours.api.FleetConvergenceView;
import dev.offhours.api.RemovedScheduleView;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.reconciler.reconcile.ConvergenceCondition;
import dev.offhours.reconciler.reconcile.FleetConvergence;

/** Convergence conditions to their JSON representations. */
final class ConvergenceViews {

    private ConvergenceViews() {
    }

    static ConvergenceView view(ConvergenceCondition c) {
        ScheduleIntent intent = c.intent();
        ScheduleIntent.Progress p = intent == null ? null : intent.progress();
        return new ConvergenceView(intent == null ? null : intent.state().name(),
                intent == null ? null : Views.text(intent.since()), intent == null ? null : intent.reason(),
                p == null ? null : p.targets(), p == null ? null : p.converged(), p == null ? null : p.pending(),
                p == null ? null : p.failed(), p == null ? null : Views.text(p.checkedAt()),
                intent == null ? null : Views.text(intent.convergedAt()), c.overdue(), condition(c));
    }

    static ConditionView condition(ConvergenceCondition c) {
        return new ConditionView(ConvergenceCondition.TYPE, c.status().wireName(), c.reason(), c.message(),
                Views.text(c.lastTransitionTime()));
    }

    static FleetConvergenceView fleet(FleetConvergence f) {
        return new FleetConvergenceView(f.overdueAfter().toString(), f.overdue(), f.overdueSchedules(),
                f.pendingTargets(), f.failedTargets(), f.byReason(),
                f.removed().stream().map(c -> new RemovedScheduleView(c.intent().schedule(), view(c))).toList(),
                Views.text(f.checkedAt()));
    }
}
